package at.alma.mentoring.notification;

import java.time.Instant;

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

	private String template;

	private Instant sentAt;

	/** Why the mail was not sent (its recipient suspended or deleted); null when sent. */
	private String skipped;

	protected SentMail() {
	}

	SentMail(String mailKey, String recipient, String template, Instant sentAt) {
		this.mailKey = mailKey;
		this.recipient = recipient;
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
