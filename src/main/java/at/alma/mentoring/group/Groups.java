package at.alma.mentoring.group;

import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Lock;

interface Groups extends JpaRepository<Group, UUID>, JpaSpecificationExecutor<Group> {

	boolean existsByNameKey(String nameKey);

	/**
	 * Every change of a group's members runs with its row locked, so leader rules hold
	 * under concurrent requests. Runs the named query {@code Group.findByIdForUpdate} on
	 * {@link Group}.
	 */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	Optional<Group> findByIdForUpdate(UUID id);

}
