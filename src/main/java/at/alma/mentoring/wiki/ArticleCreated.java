package at.alma.mentoring.wiki;

import java.util.UUID;

/** A member wrote a new wiki article (its first revision). */
public record ArticleCreated(UUID articleId, UUID authorId) {
}
