package at.alma.mentoring.notification;

import org.springframework.data.jpa.repository.JpaRepository;

interface SentMails extends JpaRepository<SentMail, String> {

}
