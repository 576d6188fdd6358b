package at.alma.mentoring.member;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface Members extends JpaRepository<Member, UUID>, JpaSpecificationExecutor<Member> {

	Optional<Member> findByEmail(String normalizedEmail);

	boolean existsByEmail(String normalizedEmail);

	/**
	 * Runs the named query {@code Member.findIdsSharingMentoringPartners} on
	 * {@link Member}.
	 */
	List<UUID> findIdsSharingMentoringPartners(Collection<UUID> ids);

	/**
	 * The member's token version; empty for a member that does not exist or is suspended.
	 */
	@Query("select m.tokenVersion from Member m where m.id = :id and m.suspendedAt is null")
	Optional<Long> findTokenVersion(UUID id);

	/** Whether the member's address in force is verified; false for no such member. */
	@Query("select count(m) > 0 from Member m where m.id = :id and m.emailVerifiedAt is not null")
	boolean isEmailVerified(UUID id);

	/** Runs the named query {@code Member.findByIdForUpdate} on {@link Member}. */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	Optional<Member> findByIdForUpdate(UUID id);

}
