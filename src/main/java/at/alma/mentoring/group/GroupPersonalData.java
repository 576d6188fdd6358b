package at.alma.mentoring.group;

import java.time.Instant;
import java.util.UUID;

import at.alma.mentoring.privacy.PersonalData;
import at.alma.mentoring.privacy.PersonalDataArchive;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import static at.alma.mentoring.privacy.ExportRows.instant;
import static at.alma.mentoring.privacy.ExportRows.uuid;

/**
 * The group module's contribution to a member's export ({@code groups}): the groups they
 * are in, whether they lead them and whether they founded them. One statement.
 */
@Component
class GroupPersonalData implements PersonalData {

	private final JdbcClient jdbc;

	GroupPersonalData(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void exportTo(UUID memberId, PersonalDataArchive archive) {
		archive.section("groups", this.jdbc.sql("""
				select g.id, g.name, g.created_by, m.leader, m.joined_at from group_memberships m
				join member_groups g on g.id = m.group_id
				where m.member_id = :member order by m.joined_at, g.id""")
			.param("member", memberId.toString())
			.query((row, n) -> new GroupSection(uuid(row, "id"), row.getString("name"), row.getBoolean("leader"),
					memberId.equals(uuid(row, "created_by")), instant(row, "joined_at")))
			.list());
	}

	record GroupSection(UUID groupId, String name, boolean leader, boolean founder, Instant joinedAt) {
	}

}
