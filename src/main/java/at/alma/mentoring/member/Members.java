package at.alma.mentoring.member;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Lock;

/**
 * A method with a named query of {@link Member} ({@code Member.<method name>}) runs that
 * query: Spring Data looks for named queries before it derives one. Hibernate checks the
 * named queries when it starts; Spring Data parses one only when it first runs.
 */
interface Members extends JpaRepository<Member, UUID>, JpaSpecificationExecutor<Member> {

	Optional<Member> findByEmail(String normalizedEmail);

	boolean existsByEmail(String normalizedEmail);

	List<UUID> findIdsSharingMentoringPartners(Collection<UUID> ids);

	@Lock(LockModeType.PESSIMISTIC_WRITE)
	Optional<Member> findByIdForUpdate(UUID id);

}
