package at.alma.mentoring.meeting;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface Meetings extends JpaRepository<Meeting, UUID> {

	List<Meeting> findByMentorshipIdAndStatusIn(UUID mentorshipId, Collection<MeetingStatus> statuses);

	long countByMentorshipIdAndStatus(UUID mentorshipId, MeetingStatus status);

	List<Meeting> findByMentorshipIdInOrderByProposedAtAsc(Collection<UUID> mentorshipIds);

	/** Runs the named query {@code Meeting.calendarOf} on {@link Meeting}. */
	List<Meeting> calendarOf(UUID memberId, Collection<MeetingStatus> statuses, Instant from, Instant to);

	/** Runs the named query {@code Meeting.allOf} on {@link Meeting}. */
	List<Meeting> allOf(UUID memberId, Collection<MeetingStatus> statuses);

}
