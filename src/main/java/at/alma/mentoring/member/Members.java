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

	@Query("select m.id from Member m where m.id in :ids and m.showMentoringPartners = true")
	List<UUID> findIdsSharingMentoringPartners(Collection<UUID> ids);

	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select m from Member m where m.id = :id")
	Optional<Member> findByIdForUpdate(UUID id);

}
