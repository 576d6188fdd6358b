package at.alma.mentoring.mentorship;

import java.time.Instant;
import java.util.Collection;
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

	/** The committed status, past the persistence context (read again under a lock). */
	@Query("select m.status from Mentorship m where m.id = :id")
	MentorshipStatus statusOf(UUID id);

	@Query("select new at.alma.mentoring.mentorship.MentorshipParties(m.id, m.menteeId, m.mentorId, m.status, m.processInstanceId)"
			+ " from Mentorship m where m.id = :id")
	Optional<MentorshipParties> findPartiesById(UUID id);

	@Modifying
	@Query("update Mentorship m set m.lastActivityAt = :at where m.id = :id and (m.lastActivityAt is null or m.lastActivityAt < :at)")
	int recordActivity(UUID id, Instant at);

}
