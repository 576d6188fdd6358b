package at.alma.mentoring.meeting;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface Meetings extends JpaRepository<Meeting, UUID> {

	List<Meeting> findByMentorshipIdAndStatusIn(UUID mentorshipId, Collection<MeetingStatus> statuses);

	long countByMentorshipIdAndStatus(UUID mentorshipId, MeetingStatus status);

	List<Meeting> findByMentorshipIdInOrderByProposedAtAsc(Collection<UUID> mentorshipIds);

	@Query("""
			select m from Meeting m
			where (m.menteeId = :memberId or m.mentorId = :memberId)
			  and m.status in :statuses
			  and m.scheduled.startsAt < :to and m.scheduled.startsAt >= :from
			order by m.scheduled.startsAt""")
	List<Meeting> calendarOf(UUID memberId, Collection<MeetingStatus> statuses, Instant from, Instant to);

	@Query("""
			select m from Meeting m
			where (m.menteeId = :memberId or m.mentorId = :memberId) and m.status in :statuses
			order by m.scheduled.startsAt""")
	List<Meeting> allOf(UUID memberId, Collection<MeetingStatus> statuses);

}
