package at.alma.mentoring.wiki;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An article as read in one transaction; what the API shows as {@code Article}. The body
 * is the Markdown text as written: the API never renders it.
 */
record ArticleView(UUID id, UUID authorId, String title, String body, List<String> topics, int revisionCount,
		UUID currentRevisionId, Instant createdAt, Instant revisedAt) {

	static ArticleView of(Article article) {
		return new ArticleView(article.getId(), article.getAuthorId(), article.getTitle(), article.getBody(),
				List.copyOf(article.getTopics()), article.getRevisionCount(), article.getCurrentRevisionId(),
				article.getCreatedAt(), article.getRevisedAt());
	}

}
