package at.alma.mentoring.wiki;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface ArticleRatings extends JpaRepository<ArticleRating, UUID> {

	Optional<ArticleRating> findByArticleIdAndRaterId(UUID articleId, UUID raterId);

	List<ArticleRating> findByRaterIdAndArticleIdIn(UUID raterId, Collection<UUID> articleIds);

	/**
	 * Average and count of many articles in one query; unrated articles are absent. Runs
	 * the named query {@code ArticleRating.summarize} on {@link ArticleRating}.
	 */
	List<RatingSummary> summarize(Collection<UUID> articleIds);

}
