package at.alma.mentoring.wiki;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import at.alma.mentoring.platform.DomainException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writing the wiki: members create articles, revise any article (every revision is kept)
 * and rate other members' articles. Each change and its event commit together.
 */
@Service
class Wiki {

	private final Articles articles;

	private final ArticleRevisions revisions;

	private final ArticleRatings ratings;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Wiki(Articles articles, ArticleRevisions revisions, ArticleRatings ratings, ApplicationEventPublisher events,
			Clock clock) {
		this.articles = articles;
		this.revisions = revisions;
		this.ratings = ratings;
		this.events = events;
		this.clock = clock;
	}

	@Transactional
	ArticleView create(UUID authorId, ArticleContent content) {
		Article.Written written = Article.write(authorId, content, this.clock);
		this.articles.save(written.article());
		this.revisions.save(written.firstRevision());
		this.articles.flush();
		this.events.publishEvent(new ArticleCreated(written.article().getId(), authorId));
		return ArticleView.of(written.article());
	}

	/**
	 * A new revision by any member; {@code topics} null keeps the current topics.
	 */
	@Transactional
	ArticleView revise(UUID editorId, UUID articleId, String title, String body, List<String> topics, String note,
			Integer basedOn) {
		Article article = this.articles.findByIdForUpdate(articleId)
			.orElseThrow(() -> DomainException.notFound("Article"));
		ArticleContent content = new ArticleContent(title, body, (topics != null) ? topics : article.getTopics());
		ArticleRevision revision = article.revise(editorId, content, note, basedOn, this.clock);
		this.revisions.save(revision);
		this.articles.flush();
		this.events.publishEvent(new ArticleRevised(articleId, revision.getId(), editorId));
		return ArticleView.of(article);
	}

	/** Rates the article, or changes the member's earlier rating of it. */
	@Transactional
	ArticleView rate(UUID raterId, UUID articleId, int stars) {
		ArticleRating.requireStars(stars);
		Article article = this.articles.findById(articleId).orElseThrow(() -> DomainException.notFound("Article"));
		article.requireRatableBy(raterId);
		this.ratings.findByArticleIdAndRaterId(articleId, raterId)
			.ifPresentOrElse((rating) -> rating.change(stars, this.clock),
					() -> this.ratings.save(new ArticleRating(articleId, raterId, stars, this.clock)));
		try {
			this.ratings.flush();
		}
		catch (DataIntegrityViolationException ex) {
			// the unique index on (article, rater) decided a race of two first ratings
			throw DomainException.conflict("CONCURRENT_CHANGE", "You rated this article at the same moment; reload");
		}
		this.events.publishEvent(new ArticleRated(articleId, raterId, stars));
		return ArticleView.of(article);
	}

}
