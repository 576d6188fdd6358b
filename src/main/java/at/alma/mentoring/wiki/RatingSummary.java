package at.alma.mentoring.wiki;

import java.util.UUID;

/** The ratings of one article: the average stars (null while unrated) and how many. */
record RatingSummary(UUID articleId, Double average, long count) {

	static RatingSummary none(UUID articleId) {
		return new RatingSummary(articleId, null, 0);
	}

}
