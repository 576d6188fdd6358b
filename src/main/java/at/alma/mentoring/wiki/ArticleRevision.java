package at.alma.mentoring.wiki;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;

import at.alma.mentoring.platform.InvalidInputException;

/**
 * One revision of an article as its author left it; never changed or deleted.
 */
@Entity
@Table(name = "wiki_revisions")
class ArticleRevision {

	static final int MAX_NOTE = 500;

	@Id
	private UUID id;

	private UUID articleId;

	private int revisionNumber;

	private UUID authorId;

	private String title;

	/**
	 * mediumtext: MySQL's TEXT holds only 64 KB; H2 (MySQL mode) reads it as a varchar.
	 */
	@Column(length = ArticleContent.MAX_BODY)
	private String body;

	@ElementCollection
	@CollectionTable(name = "wiki_revision_topics", joinColumns = @JoinColumn(name = "revision_id"))
	@OrderColumn(name = "position")
	@Column(name = "topic")
	private List<String> topics = new ArrayList<>();

	private String note;

	private Instant createdAt;

	protected ArticleRevision() {
	}

	ArticleRevision(UUID id, UUID articleId, int revisionNumber, UUID authorId, ArticleContent content, String note,
			Instant createdAt) {
		this.id = id;
		this.articleId = articleId;
		this.revisionNumber = revisionNumber;
		this.authorId = authorId;
		this.title = content.title();
		this.body = content.body();
		this.topics = new ArrayList<>(content.topics());
		this.note = normalizeNote(note);
		this.createdAt = createdAt;
	}

	/** An optional edit summary; blank means none. */
	static String normalizeNote(String note) {
		if (note == null || note.isBlank()) {
			return null;
		}
		String stripped = note.strip();
		if (stripped.length() > MAX_NOTE) {
			throw new InvalidInputException("input.note", "The note may have at most " + MAX_NOTE + " characters");
		}
		return stripped;
	}

	UUID getId() {
		return this.id;
	}

	UUID getArticleId() {
		return this.articleId;
	}

	int getRevisionNumber() {
		return this.revisionNumber;
	}

	UUID getAuthorId() {
		return this.authorId;
	}

	String getTitle() {
		return this.title;
	}

	String getBody() {
		return this.body;
	}

	List<String> getTopics() {
		return this.topics;
	}

	String getNote() {
		return this.note;
	}

	Instant getCreatedAt() {
		return this.createdAt;
	}

}
