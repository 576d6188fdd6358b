package at.alma.mentoring.notification;

import java.time.Instant;
import java.util.List;

import at.alma.mentoring.privacy.ExportRows;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The notification module's API on its ledger of sent mails: which mails went to an
 * address (for the member's export), one statement on the recipient's index.
 */
@Service
@Transactional(readOnly = true)
public class MailLedger {

	private final JdbcClient jdbc;

	MailLedger(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The mails recorded for {@code email}, oldest first. */
	public List<SentMailEntry> sentTo(String email) {
		return this.jdbc.sql("""
				select mail_key, template, sent_at, skipped from sent_mails
				where recipient = :email order by sent_at, mail_key""")
			.param("email", email)
			.query((row, n) -> new SentMailEntry(row.getString("mail_key"), row.getString("template"),
					ExportRows.instant(row, "sent_at"), row.getString("skipped")))
			.list();
	}

	/**
	 * A mail by its key (the Message-ID), its template, when it was sent, and why it was
	 * not sent (null when sent).
	 */
	public record SentMailEntry(String key, String template, Instant sentAt, String skipped) {
	}

}
