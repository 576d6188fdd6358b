package at.alma.mentoring.mentorship;

import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Modifying;

/**
 * A method with a named query of {@link Mentorship} ({@code Mentorship.<method name>})
 * runs that query: Spring Data looks for named queries before it derives one. Hibernate
 * checks the named queries when it starts; Spring Data parses one only when it first
 * runs.
 */
interface Mentorships extends JpaRepository<Mentorship, UUID>, JpaSpecificationExecutor<Mentorship> {

	long countByMenteeIdAndStatus(UUID menteeId, MentorshipStatus status);

	long countByMentorIdAndStatusIn(UUID mentorId, Collection<MentorshipStatus> statuses);

	boolean existsByOpenPairKey(String openPairKey);

	/** The committed status, past the persistence context (read again under a lock). */
	MentorshipStatus statusOf(UUID id);

	Optional<MentorshipParties> findPartiesById(UUID id);

	@Modifying
	int recordActivity(UUID id, Instant at);

}
