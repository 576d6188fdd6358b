package at.alma.mentoring.group;

import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Lock;

/**
 * A method with a named query of {@link Group} ({@code Group.<method name>}) runs that
 * query: Spring Data looks for named queries before it derives one. Hibernate checks the
 * named queries when it starts; Spring Data parses one only when it first runs.
 */
interface Groups extends JpaRepository<Group, UUID>, JpaSpecificationExecutor<Group> {

	boolean existsByNameKey(String nameKey);

	/**
	 * Every change of a group's members runs with its row locked, so leader rules hold
	 * under concurrent requests.
	 */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	Optional<Group> findByIdForUpdate(UUID id);

}
