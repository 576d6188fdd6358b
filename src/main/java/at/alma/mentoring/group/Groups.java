package at.alma.mentoring.group;

import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface Groups extends JpaRepository<Group, UUID>, JpaSpecificationExecutor<Group> {

	boolean existsByNameKey(String nameKey);

	/**
	 * Every change of a group's members runs with its row locked, so leader rules hold
	 * under concurrent requests.
	 */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select g from MemberGroup g where g.id = :id")
	Optional<Group> findByIdForUpdate(UUID id);

}
