package at.alma.mentoring.wiki;

import java.util.UUID;

/**
 * A member revised an existing article: a revision after the first, which
 * {@link ArticleCreated} announces. {@code authorId} is the reviser.
 */
public record ArticleRevised(UUID articleId, UUID revisionId, UUID authorId) {
}
