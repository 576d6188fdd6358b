package at.alma.mentoring.member;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Lock;

interface Members extends JpaRepository<Member, UUID>, JpaSpecificationExecutor<Member> {

	Optional<Member> findByEmail(String normalizedEmail);

	boolean existsByEmail(String normalizedEmail);

	/**
	 * Runs the named query {@code Member.findIdsSharingMentoringPartners} on
	 * {@link Member}.
	 */
	List<UUID> findIdsSharingMentoringPartners(Collection<UUID> ids);

	/** Runs the named query {@code Member.findByIdForUpdate} on {@link Member}. */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	Optional<Member> findByIdForUpdate(UUID id);

}
