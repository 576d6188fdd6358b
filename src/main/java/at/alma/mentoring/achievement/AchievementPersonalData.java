package at.alma.mentoring.achievement;

import java.time.Instant;
import java.util.UUID;

import at.alma.mentoring.privacy.PersonalData;
import at.alma.mentoring.privacy.PersonalDataArchive;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import static at.alma.mentoring.privacy.ExportRows.instant;
import static at.alma.mentoring.privacy.ExportRows.uuid;

/**
 * The achievement module's contribution to a member's export ({@code achievements}):
 * every Erfolg with its source. One statement.
 */
@Component
class AchievementPersonalData implements PersonalData {

	private final JdbcClient jdbc;

	AchievementPersonalData(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void exportTo(UUID memberId, PersonalDataArchive archive) {
		archive.section("achievements",
				this.jdbc.sql("""
						select id, kind, source_type, source_id, member_role, partner_id, achieved_at
						from achievements where member_id = :member order by achieved_at, id""")
					.param("member", memberId.toString())
					.query((row, n) -> new AchievementSection(uuid(row, "id"), row.getString("kind"),
							row.getString("source_type"), uuid(row, "source_id"), row.getString("member_role"),
							uuid(row, "partner_id"), instant(row, "achieved_at")))
					.list());
	}

	record AchievementSection(UUID id, String kind, String sourceType, UUID sourceId, String role, UUID partnerId,
			Instant achievedAt) {
	}

}
