package at.alma.mentoring.wiki;

import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Lock;

/**
 * A method with a named query of {@link Article} ({@code Article.<method name>}) runs
 * that query: Spring Data looks for named queries before it derives one. Hibernate checks
 * the named queries when it starts; Spring Data parses one only when it first runs.
 */
interface Articles extends JpaRepository<Article, UUID>, JpaSpecificationExecutor<Article> {

	/** Revisions of one article are numbered one after the other: the row is locked. */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	Optional<Article> findByIdForUpdate(UUID id);

}
