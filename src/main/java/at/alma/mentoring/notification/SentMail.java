package at.alma.mentoring.notification;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The record that a mail key was sent; its primary key makes a second send of the same
 * key impossible.
 */
@Entity
@Table(name = "sent_mails")
class SentMail {

	@Id
	private String mailKey;

	private String recipient;

	/** The member the mail went to (null for a mail to no member). */
	private UUID memberId;

	private String template;

	private Instant sentAt;

	/** Why the mail was not sent (its recipient suspended or deleted); null when sent. */
	private String skipped;

	protected SentMail() {
	}

	SentMail(String mailKey, Recipient recipient, String template, Instant sentAt) {
		this.mailKey = mailKey;
		this.recipient = recipient.email();
		this.memberId = recipient.memberId();
		this.template = template;
		this.sentAt = sentAt;
	}

	void skip(String reason) {
		this.skipped = reason;
	}

	String getSkipped() {
		return this.skipped;
	}

	String getMailKey() {
		return this.mailKey;
	}

	Instant getSentAt() {
		return this.sentAt;
	}

}
