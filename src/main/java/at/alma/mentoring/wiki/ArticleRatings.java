package at.alma.mentoring.wiki;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ArticleRatings extends JpaRepository<ArticleRating, UUID> {

	Optional<ArticleRating> findByArticleIdAndRaterId(UUID articleId, UUID raterId);

	List<ArticleRating> findByRaterIdAndArticleIdIn(UUID raterId, Collection<UUID> articleIds);

	/** Average and count of many articles in one query; unrated articles are absent. */
	@Query("""
			select new at.alma.mentoring.wiki.RatingSummary(r.articleId, avg(r.stars), count(r))
			from ArticleRating r where r.articleId in :articleIds group by r.articleId""")
	List<RatingSummary> summarize(Collection<UUID> articleIds);

}
