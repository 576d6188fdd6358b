package at.alma.mentoring.notification;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import at.alma.mentoring.privacy.ExportRows;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The notification module's API on its ledger of sent mails: which mails went to a member
 * (for the member's export), one statement on the member's index, and clearing their
 * addresses when the member deletes their account.
 */
@Service
@Transactional(readOnly = true)
public class MailLedger {

	private final JdbcClient jdbc;

	MailLedger(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The mails recorded for the member, to whichever address they had then, oldest
	 * first.
	 */
	public List<SentMailEntry> sentTo(UUID memberId) {
		return this.jdbc.sql("""
				select mail_key, template, sent_at, skipped from sent_mails
				where member_id = :member order by sent_at, mail_key""")
			.param("member", memberId.toString())
			.query((row, n) -> new SentMailEntry(row.getString("mail_key"), row.getString("template"),
					ExportRows.instant(row, "sent_at"), row.getString("skipped")))
			.list();
	}

	/**
	 * Clears the address of every mail recorded for the member (a deleted account), by
	 * member id and, for rows older than the member id column, by the addresses the
	 * member had; the key, template and time stay, so a mail is still sent at most once.
	 */
	@Transactional
	public void forget(UUID memberId, Collection<String> addresses) {
		this.jdbc.sql("update sent_mails set recipient = '' where member_id = :member")
			.param("member", memberId.toString())
			.update();
		// rows from before V32 to an address the member had before: no member id, found
		// by address
		if (!addresses.isEmpty()) {
			this.jdbc.sql("update sent_mails set recipient = '' where member_id is null and recipient in (:addresses)")
				.param("addresses", List.copyOf(addresses))
				.update();
		}
	}

	/**
	 * A mail by its key (the Message-ID), its template, when it was sent, and why it was
	 * not sent (null when sent).
	 */
	public record SentMailEntry(String key, String template, Instant sentAt, String skipped) {
	}

}
