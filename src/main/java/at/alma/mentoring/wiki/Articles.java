package at.alma.mentoring.wiki;

import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface Articles extends JpaRepository<Article, UUID>, JpaSpecificationExecutor<Article> {

	/** Revisions of one article are numbered one after the other: the row is locked. */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select a from Article a where a.id = :id")
	Optional<Article> findByIdForUpdate(UUID id);

}
