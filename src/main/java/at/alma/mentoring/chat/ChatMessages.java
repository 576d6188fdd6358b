package at.alma.mentoring.chat;

import java.util.List;
import java.util.UUID;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;

interface ChatMessages extends JpaRepository<ChatMessage, Long> {

	/** A page of a conversation, newest first, older than {@code beforeId}. */
	List<ChatMessage> findByMentorshipIdAndIdLessThanOrderByIdDesc(UUID mentorshipId, long beforeId, Limit limit);

	/** Messages of the other side in {@code (afterId, upToId]}, newest first. */
	List<ChatMessage> findByMentorshipIdAndSenderIdNotAndIdGreaterThanAndIdLessThanEqualOrderByIdDesc(UUID mentorshipId,
			UUID readerId, long afterId, long upToId, Limit limit);

	long countByMentorshipIdAndSenderIdNotAndIdGreaterThanAndIdLessThanEqual(UUID mentorshipId, UUID readerId,
			long afterId, long upToId);

	ChatMessage findFirstByMentorshipIdOrderByIdDesc(UUID mentorshipId);

	/** The newest messages of all conversations, newest first: ids only. */
	List<MessageRef> findByOrderByIdDesc(Limit limit);

	/**
	 * The messages of all conversations after {@code afterId}, oldest first: ids only.
	 */
	List<MessageRef> findByIdGreaterThanOrderByIdAsc(long afterId, Limit limit);

	/** A message's id and conversation, without its text. */
	record MessageRef(Long id, UUID mentorshipId) {
	}

}
