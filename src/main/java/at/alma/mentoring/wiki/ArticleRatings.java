package at.alma.mentoring.wiki;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

/**
 * A method with a named query of {@link ArticleRating}
 * ({@code ArticleRating.<method name>}) runs that query: Spring Data looks for named
 * queries before it derives one. Hibernate checks the named queries when it starts;
 * Spring Data parses one only when it first runs.
 */
interface ArticleRatings extends JpaRepository<ArticleRating, UUID> {

	Optional<ArticleRating> findByArticleIdAndRaterId(UUID articleId, UUID raterId);

	List<ArticleRating> findByRaterIdAndArticleIdIn(UUID raterId, Collection<UUID> articleIds);

	/** Average and count of many articles in one query; unrated articles are absent. */
	List<RatingSummary> summarize(Collection<UUID> articleIds);

}
