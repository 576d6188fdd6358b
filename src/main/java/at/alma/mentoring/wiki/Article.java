package at.alma.mentoring.wiki;

import java.time.Clock;
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
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import at.alma.mentoring.platform.DomainException;

/**
 * A wiki article: its current content and how many revisions led to it. Any member may
 * revise it; each revision becomes an immutable {@link ArticleRevision}, numbered from 1
 * (the text the author created).
 */
@Entity
@NamedQuery(name = "Article.findByIdForUpdate", query = "select a from Article a where a.id = :id")
@Table(name = "wiki_articles")
class Article {

	@Id
	private UUID id;

	private UUID authorId;

	private String title;

	/**
	 * mediumtext: MySQL's TEXT holds only 64 KB; H2 (MySQL mode) reads it as a varchar.
	 */
	@Column(length = ArticleContent.MAX_BODY)
	private String body;

	@ElementCollection
	@CollectionTable(name = "wiki_article_topics", joinColumns = @JoinColumn(name = "article_id"))
	@OrderColumn(name = "position")
	@Column(name = "topic")
	private List<String> topics = new ArrayList<>();

	private int revisionCount;

	private UUID currentRevisionId;

	private Instant createdAt;

	private Instant revisedAt;

	@Version
	private Long version;

	protected Article() {
	}

	private Article(UUID authorId, Instant now) {
		this.id = UUID.randomUUID();
		this.authorId = authorId;
		this.createdAt = now;
	}

	/** A new article and its first revision, both by {@code authorId}. */
	static Written write(UUID authorId, ArticleContent content, Clock clock) {
		Article article = new Article(authorId, clock.instant());
		return new Written(article, article.record(authorId, content, null, clock.instant()));
	}

	/**
	 * A new revision by any member. {@code basedOn}, when given, is the revision number
	 * the editor started from: if someone revised the article meanwhile, the edit is
	 * refused rather than silently overwriting theirs.
	 */
	ArticleRevision revise(UUID editorId, ArticleContent content, String note, Integer basedOn, Clock clock) {
		if (basedOn != null && basedOn != this.revisionCount) {
			throw DomainException.refused("REVISION_OUTDATED",
					"Revision " + basedOn + " is not the current one (revision " + this.revisionCount
							+ " is); reload and apply your changes again");
		}
		if (content.equals(current())) {
			throw DomainException.refused("NO_CHANGES", "The revision changes nothing");
		}
		return record(editorId, content, note, clock.instant());
	}

	/** Members rate other members' articles, not their own. */
	void requireRatableBy(UUID raterId) {
		if (this.authorId.equals(raterId)) {
			throw DomainException.refused("OWN_ARTICLE", "You cannot rate your own article");
		}
	}

	private ArticleRevision record(UUID editorId, ArticleContent content, String note, Instant now) {
		this.title = content.title();
		this.body = content.body();
		this.topics = new ArrayList<>(content.topics());
		this.revisionCount++;
		this.currentRevisionId = UUID.randomUUID();
		this.revisedAt = now;
		return new ArticleRevision(this.currentRevisionId, this.id, this.revisionCount, editorId, content, note, now);
	}

	private ArticleContent current() {
		return new ArticleContent(this.title, this.body, List.copyOf(this.topics));
	}

	UUID getId() {
		return this.id;
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

	int getRevisionCount() {
		return this.revisionCount;
	}

	UUID getCurrentRevisionId() {
		return this.currentRevisionId;
	}

	Instant getCreatedAt() {
		return this.createdAt;
	}

	Instant getRevisedAt() {
		return this.revisedAt;
	}

	/** A new article with the revision that created it. */
	record Written(Article article, ArticleRevision firstRevision) {
	}

}
