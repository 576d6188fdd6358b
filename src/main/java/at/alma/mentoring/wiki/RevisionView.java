package at.alma.mentoring.wiki;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A revision as read in one transaction; what the API shows as {@code ArticleRevision}.
 */
record RevisionView(UUID id, UUID articleId, int number, UUID authorId, String title, String body, List<String> topics,
		String note, Instant createdAt) {

	static RevisionView of(ArticleRevision revision) {
		return new RevisionView(revision.getId(), revision.getArticleId(), revision.getRevisionNumber(),
				revision.getAuthorId(), revision.getTitle(), revision.getBody(), List.copyOf(revision.getTopics()),
				revision.getNote(), revision.getCreatedAt());
	}

}
