package at.alma.mentoring.mentorship;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface Mentorships extends JpaRepository<Mentorship, UUID>, JpaSpecificationExecutor<Mentorship> {

	long countByMenteeIdAndStatus(UUID menteeId, MentorshipStatus status);

	long countByMentorIdAndStatusIn(UUID mentorId, Collection<MentorshipStatus> statuses);

	boolean existsByOpenPairKey(String openPairKey);

	long countByMenteeIdAndMentorIdAndRequestedAtAfter(UUID menteeId, UUID mentorId, Instant since);

	long countByMenteeIdAndRequestedAtAfter(UUID menteeId, Instant since);

	/** The member's mentorships, on either side, in one of these states. */
	@Query("select m from Mentorship m where (m.menteeId = :memberId or m.mentorId = :memberId) and m.status in :statuses")
	List<Mentorship> findOfMember(UUID memberId, Collection<MentorshipStatus> statuses);

	/**
	 * The committed status, past the persistence context (read again under a lock). Runs
	 * the named query {@code Mentorship.statusOf} on {@link Mentorship}.
	 */
	MentorshipStatus statusOf(UUID id);

	/** Runs the named query {@code Mentorship.findPartiesById} on {@link Mentorship}. */
	Optional<MentorshipParties> findPartiesById(UUID id);

	/** Runs the named query {@code Mentorship.recordActivity} on {@link Mentorship}. */
	@Modifying
	int recordActivity(UUID id, Instant at);

	/** The committed count, past the persistence context. */
	@Query("select m.meetingsHeld from Mentorship m where m.id = :id")
	int meetingsHeldOf(UUID id);

	/**
	 * Runs the named query {@code Mentorship.recordMeetingHeld} on {@link Mentorship}.
	 */
	@Modifying
	int recordMeetingHeld(UUID id, Instant startsAt, Instant at);

}
