package at.alma.mentoring.meeting;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

/**
 * A method with a named query of {@link Meeting} ({@code Meeting.<method name>}) runs
 * that query: Spring Data looks for named queries before it derives one. Hibernate checks
 * the named queries when it starts; Spring Data parses one only when it first runs.
 */
interface Meetings extends JpaRepository<Meeting, UUID> {

	List<Meeting> findByMentorshipIdAndStatusIn(UUID mentorshipId, Collection<MeetingStatus> statuses);

	long countByMentorshipIdAndStatus(UUID mentorshipId, MeetingStatus status);

	List<Meeting> findByMentorshipIdInOrderByProposedAtAsc(Collection<UUID> mentorshipIds);

	List<Meeting> calendarOf(UUID memberId, Collection<MeetingStatus> statuses, Instant from, Instant to);

	List<Meeting> allOf(UUID memberId, Collection<MeetingStatus> statuses);

}
