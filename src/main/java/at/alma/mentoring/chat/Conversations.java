package at.alma.mentoring.chat;

import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface Conversations extends JpaRepository<Conversation, UUID> {

}
