package at.alma.mentoring.wiki;

import java.util.UUID;

/**
 * A member rated another member's article, or changed their rating (then published again
 * with the new stars: listeners key on article and rater).
 */
public record ArticleRated(UUID articleId, UUID raterId, int stars) {
}
