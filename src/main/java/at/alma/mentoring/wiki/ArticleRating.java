package at.alma.mentoring.wiki;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import at.alma.mentoring.platform.InvalidInputException;

/**
 * A member's rating of an article, 1 to 5 stars; one per member and article, changed by
 * rating again.
 */
@Entity
@NamedQuery(name = "ArticleRating.summarize", query = """
		select new at.alma.mentoring.wiki.RatingSummary(r.articleId, avg(r.stars), count(r))
		from ArticleRating r where r.articleId in :articleIds group by r.articleId""")
@Table(name = "wiki_ratings")
class ArticleRating {

	static final int MIN_STARS = 1;

	static final int MAX_STARS = 5;

	@Id
	private UUID id;

	private UUID articleId;

	private UUID raterId;

	private int stars;

	private Instant ratedAt;

	protected ArticleRating() {
	}

	ArticleRating(UUID articleId, UUID raterId, int stars, Clock clock) {
		this.id = UUID.randomUUID();
		this.articleId = articleId;
		this.raterId = raterId;
		change(stars, clock);
	}

	void change(int stars, Clock clock) {
		requireStars(stars);
		this.stars = stars;
		this.ratedAt = clock.instant();
	}

	static void requireStars(int stars) {
		if (stars < MIN_STARS || stars > MAX_STARS) {
			throw new InvalidInputException("input.stars", "Stars must be between " + MIN_STARS + " and " + MAX_STARS);
		}
	}

	UUID getArticleId() {
		return this.articleId;
	}

	UUID getRaterId() {
		return this.raterId;
	}

	int getStars() {
		return this.stars;
	}

}
