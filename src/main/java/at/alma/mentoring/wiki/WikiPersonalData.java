package at.alma.mentoring.wiki;

import java.time.Instant;
import java.util.UUID;

import at.alma.mentoring.privacy.PersonalData;
import at.alma.mentoring.privacy.PersonalDataArchive;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import static at.alma.mentoring.privacy.ExportRows.instant;
import static at.alma.mentoring.privacy.ExportRows.uuid;

/**
 * The wiki module's contribution to a member's export: the revisions they wrote with
 * their text ({@code wiki-revisions}; the first revision of an article is its creation)
 * and their ratings ({@code wiki-ratings}). Two statements.
 */
@Component
class WikiPersonalData implements PersonalData {

	private final JdbcClient jdbc;

	WikiPersonalData(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void exportTo(UUID memberId, PersonalDataArchive archive) {
		String member = memberId.toString();
		archive.section("wiki-revisions",
				this.jdbc.sql("""
						select id, article_id, revision_number, title, body, note, created_at from wiki_revisions
						where author_id = :member order by created_at, id""")
					.param("member", member)
					.query((row, n) -> new RevisionSection(uuid(row, "article_id"), uuid(row, "id"),
							row.getInt("revision_number"), row.getString("title"), row.getString("body"),
							row.getString("note"), instant(row, "created_at")))
					.list());
		archive.section("wiki-ratings",
				this.jdbc.sql("""
						select article_id, stars, rated_at from wiki_ratings
						where rater_id = :member order by rated_at, article_id""")
					.param("member", member)
					.query((row, n) -> new RatingSection(uuid(row, "article_id"), row.getInt("stars"),
							instant(row, "rated_at")))
					.list());
	}

	record RevisionSection(UUID articleId, UUID revisionId, int revision, String title, String body, String note,
			Instant createdAt) {
	}

	record RatingSection(UUID articleId, int stars, Instant ratedAt) {
	}

}
