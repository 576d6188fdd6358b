package at.alma.mentoring.mentorship.decline;

import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface DeclineTemplates extends JpaRepository<DeclineTemplate, UUID> {

}
