package at.alma.mentoring.wiki;

import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Lock;

interface Articles extends JpaRepository<Article, UUID>, JpaSpecificationExecutor<Article> {

	/**
	 * Revisions of one article are numbered one after the other: the row is locked. Runs
	 * the named query {@code Article.findByIdForUpdate} on {@link Article}.
	 */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	Optional<Article> findByIdForUpdate(UUID id);

}
