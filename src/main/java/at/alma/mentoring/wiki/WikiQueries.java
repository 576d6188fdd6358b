package at.alma.mentoring.wiki;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.persistence.criteria.JoinType;

import at.alma.mentoring.platform.DomainException;
import at.alma.mentoring.platform.InvalidInputException;

import org.springframework.data.domain.Limit;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Sort;
import org.springframework.data.domain.Window;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading the wiki: every signed-in member reads every article. Lists cost a fixed number
 * of queries, whatever their length.
 */
@Service
@Transactional(readOnly = true)
class WikiQueries {

	static final int MAX_SEARCH = 200;

	/** The LIKE escape: not a backslash, which MySQL string literals treat specially. */
	private static final char ESCAPE = '!';

	private final Articles articles;

	private final ArticleRevisions revisions;

	private final ArticleRatings ratings;

	WikiQueries(Articles articles, ArticleRevisions revisions, ArticleRatings ratings) {
		this.articles = articles;
		this.revisions = revisions;
		this.ratings = ratings;
	}

	ArticleView article(UUID id) {
		return this.articles.findById(id).map(ArticleView::of).orElseThrow(() -> DomainException.notFound("Article"));
	}

	/** Newest first; topic matches exactly but ignoring case, search is a substring. */
	Window<ArticleView> articles(String topic, String search, Limit limit, ScrollPosition position) {
		Specification<Article> spec = Specification.unrestricted();
		if (topic != null && !topic.isBlank()) {
			String wanted = topic.strip().toLowerCase(Locale.ROOT);
			spec = spec.and((root, query, cb) -> {
				query.distinct(true);
				return cb.equal(cb.lower(root.join("topics", JoinType.INNER)), wanted);
			});
		}
		if (search != null && !search.isBlank()) {
			if (search.length() > MAX_SEARCH) {
				throw new InvalidInputException("search", "Search for at most " + MAX_SEARCH + " characters");
			}
			String pattern = "%" + escape(search.strip().toLowerCase(Locale.ROOT)) + "%";
			spec = spec.and((root, query, cb) -> cb.or(cb.like(cb.lower(root.get("title")), pattern, ESCAPE),
					cb.like(cb.lower(root.get("body")), pattern, ESCAPE)));
		}
		return this.articles
			.findBy(spec,
					(query) -> query.sortBy(Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("id")))
						.limit(limit.max())
						.scroll(position))
			.map(ArticleView::of);
	}

	/** The history of an article, newest revision first. */
	Window<RevisionView> revisions(UUID articleId, Limit limit, ScrollPosition position) {
		Specification<ArticleRevision> ofArticle = (root, query, cb) -> cb.equal(root.get("articleId"), articleId);
		return this.revisions.findBy(ofArticle,
				(query) -> query.sortBy(Sort.by(Sort.Order.desc("revisionNumber"))).limit(limit.max()).scroll(position))
			.map(RevisionView::of);
	}

	Map<UUID, RevisionView> revisionsById(Collection<UUID> ids) {
		return this.revisions.findAllById(ids)
			.stream()
			.map(RevisionView::of)
			.collect(Collectors.toMap(RevisionView::id, Function.identity()));
	}

	/** Ratings of many articles in one query; unrated articles count zero. */
	Map<UUID, RatingSummary> ratings(Collection<UUID> articleIds) {
		Map<UUID, RatingSummary> summaries = this.ratings.summarize(articleIds)
			.stream()
			.collect(Collectors.toMap(RatingSummary::articleId, Function.identity()));
		return articleIds.stream()
			.distinct()
			.collect(Collectors.toMap(Function.identity(), (id) -> summaries.getOrDefault(id, RatingSummary.none(id))));
	}

	Map<UUID, Integer> starsBy(UUID raterId, Collection<UUID> articleIds) {
		List<ArticleRating> mine = this.ratings.findByRaterIdAndArticleIdIn(raterId, articleIds);
		return mine.stream().collect(Collectors.toMap(ArticleRating::getArticleId, ArticleRating::getStars));
	}

	private static String escape(String text) {
		return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
	}

}
