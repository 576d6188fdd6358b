package at.alma.mentoring.chat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import at.alma.mentoring.privacy.PersonalData;
import at.alma.mentoring.privacy.PersonalDataArchive;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import static at.alma.mentoring.privacy.ExportRows.instant;
import static at.alma.mentoring.privacy.ExportRows.uuid;

/**
 * The chat module's contribution to a member's export ({@code conversations}): each
 * conversation of their mentorships with all its messages, theirs and the other side's,
 * since both are part of the conversation. Two statements, whatever the number of
 * conversations. A member who deletes their account leaves their messages as markers: the
 * text removed, the row (and so the conversation's order and read states) kept.
 */
@Component
class ChatPersonalData implements PersonalData {

	private static final String OWN = """
			select mentorship_id from conversations where mentee_id = :member
			union all select mentorship_id from conversations where mentor_id = :member""";

	private final JdbcClient jdbc;

	ChatPersonalData(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void exportTo(UUID memberId, PersonalDataArchive archive) {
		String member = memberId.toString();
		Map<UUID, List<MessageSection>> messages = new HashMap<>();
		this.jdbc.sql("""
				select id, mentorship_id, sender_id, body, sent_at from chat_messages
				where mentorship_id in (%s) order by mentorship_id, id""".formatted(OWN))
			.param("member", member)
			.query((row) -> {
				UUID sender = uuid(row, "sender_id");
				messages.computeIfAbsent(uuid(row, "mentorship_id"), (id) -> new ArrayList<>())
					.add(new MessageSection(row.getLong("id"), memberId.equals(sender) ? "ME" : "OTHER_SIDE", sender,
							row.getString("body"), instant(row, "sent_at")));
			});
		archive.section("conversations",
				this.jdbc.sql("""
						select mentorship_id, opened_at from conversations where mentee_id = :member
						union all select mentorship_id, opened_at from conversations where mentor_id = :member
						order by opened_at, mentorship_id""")
					.param("member", member)
					.query((row, n) -> new ConversationSection(uuid(row, "mentorship_id"), instant(row, "opened_at"),
							messages.getOrDefault(uuid(row, "mentorship_id"), List.of())))
					.list());
	}

	@Override
	public void erase(UUID memberId) {
		this.jdbc.sql("update chat_messages set body = '', deleted = true where sender_id = :member")
			.param("member", memberId.toString())
			.update();
	}

	record ConversationSection(UUID mentorshipId, Instant openedAt, List<MessageSection> messages) {
	}

	record MessageSection(long id, String from, UUID senderId, String body, Instant sentAt) {
	}

}
