package at.alma.mentoring.meeting;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.data.domain.Limit;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Window;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface Meetings extends JpaRepository<Meeting, UUID> {

	List<Meeting> findByMentorshipIdAndStatusIn(UUID mentorshipId, Collection<MeetingStatus> statuses);

	/** Meetings begun and awaiting confirmation, or disputed. */
	@Query("""
			select count(m) from Meeting m where m.mentorshipId = :mentorshipId
			  and (m.status = at.alma.mentoring.meeting.MeetingStatus.DISPUTED
			    or (m.status = at.alma.mentoring.meeting.MeetingStatus.SCHEDULED and m.scheduled.startsAt <= :now))""")
	long countUnresolved(UUID mentorshipId, Instant now);

	long countByMentorshipIdAndStatus(UUID mentorshipId, MeetingStatus status);

	/** One page of the meetings in {@code status}, oldest report first (admins' list). */
	Window<Meeting> findByStatusOrderByNotHeldReportedAtAscIdAsc(MeetingStatus status, ScrollPosition position,
			Limit limit);

	List<Meeting> findByMentorshipIdInOrderByProposedAtAsc(Collection<UUID> mentorshipIds);

	/** Runs the named query {@code Meeting.calendarOf} on {@link Meeting}. */
	List<Meeting> calendarOf(UUID memberId, Collection<MeetingStatus> statuses, Instant from, Instant to);

	/** Runs the named query {@code Meeting.allOf} on {@link Meeting}. */
	List<Meeting> allOf(UUID memberId, Collection<MeetingStatus> statuses);

}
