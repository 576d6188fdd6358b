package at.alma.mentoring.notification;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.regex.Pattern;

import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import jakarta.persistence.EntityManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sends a mail at most once per key. Called from a Camunda job (a process's mail step) or
 * the outbox: the key is recorded before the SMTP hand-over in the caller's transaction,
 * so a concurrent second attempt waits and then finds it sent; if SMTP fails the
 * transaction rolls back, the key is free again and the job's retry sends it. The window
 * between the SMTP server accepting the mail and the commit is at-least-once
 * (docs/operations.md, "Mail keys: at most once, with one window").
 *
 * Without {@code spring.mail.host} mails are written to the log instead (development).
 */
@Service
public class Mailer {

	/** RFC 3834: every mail of this server is generated, never a person's reply. */
	static final String AUTO_SUBMITTED = "Auto-Submitted";

	static final String CALENDAR_TYPE = "text/calendar";

	private static final Pattern ADDRESS = Pattern.compile("[^\\s<>\"',;:=()\\[\\]]+@[^\\s<>\"',;:=()\\[\\]]+");

	private static final Logger logger = LoggerFactory.getLogger(Mailer.class);

	private final MailRenderer renderer;

	private final ObjectProvider<JavaMailSender> sender;

	private final MailSettings settings;

	private final EntityManager entityManager;

	private final Clock clock;

	Mailer(MailRenderer renderer, ObjectProvider<JavaMailSender> sender, MailSettings settings,
			EntityManager entityManager, Clock clock) {
		this.renderer = renderer;
		this.sender = sender;
		this.settings = settings;
		this.entityManager = entityManager;
		this.clock = clock;
	}

	/** Sends the mail unless its key was sent before; returns whether it was sent now. */
	@Transactional(propagation = Propagation.REQUIRED)
	public boolean send(Mail mail) {
		if (this.entityManager.find(SentMail.class, mail.key()) != null) {
			logger.info("Mail {} was sent before; not sending it again", mail.key());
			return false;
		}
		this.entityManager.persist(new SentMail(mail.key(), mail.to(), mail.template(), this.clock.instant()));
		this.entityManager.flush();
		MailRenderer.Rendered rendered = this.renderer.render(mail);
		JavaMailSender smtp = this.sender.getIfAvailable();
		if (smtp == null) {
			logger.info("Mail {} to {} (no SMTP server configured, not sent)\nSubject: {}\n\n{}", mail.key(),
					mail.to().email(), rendered.subject(), rendered.text());
			return true;
		}
		try {
			smtp.send(mimeMessage(smtp, mail, rendered));
		}
		catch (MailException ex) {
			// the SMTP server's answer names the recipient's address; the engine keeps
			// the
			// message and stack trace of a failed job (and shows them in Cockpit), so the
			// job fails with the answer without addresses, and without the cause
			String answer = withoutAddresses(String.valueOf(ex.getMessage()));
			logger.warn("Mail {} not sent: {}", mail.key(), answer);
			throw new MailSendException(
					"Mail " + mail.key() + " not sent (" + ex.getClass().getSimpleName() + "): " + answer);
		}
		logger.debug("Mail {} sent to {}", mail.key(), mail.to().email());
		return true;
	}

	/** The text with every e-mail address in it replaced by {@code <address>}. */
	static String withoutAddresses(String text) {
		return ADDRESS.matcher(text).replaceAll("<address>");
	}

	/**
	 * Records the mail as skipped ({@code sent_mails.skipped} says why) instead of
	 * sending it: its job ends normally, and a retry of the step finds it recorded.
	 */
	@Transactional(propagation = Propagation.REQUIRED)
	public void skip(Mail mail, String reason) {
		if (this.entityManager.find(SentMail.class, mail.key()) != null) {
			return;
		}
		SentMail skipped = new SentMail(mail.key(), mail.to(), mail.template(), this.clock.instant());
		skipped.skip(reason);
		this.entityManager.persist(skipped);
		logger.info("Mail {} to {} skipped: {}", mail.key(), mail.to().email(), reason);
	}

	/**
	 * The message: {@code multipart/alternative} of the plain text, the HTML and, for
	 * invitations and cancellations, the {@code text/calendar; method=…} object — where
	 * iMIP (RFC 6047) puts it, so mail clients show a meeting request and not a file.
	 * {@code Auto-Submitted: auto-generated} (RFC 3834) keeps out-of-office replies from
	 * answering. The Message-ID is our stable one: {@code JavaMailSenderImpl} keeps an
	 * explicitly set Message-ID across {@code saveChanges()}.
	 */
	private MimeMessage mimeMessage(JavaMailSender smtp, Mail mail, MailRenderer.Rendered rendered) {
		String messageId = "<" + mail.key().replaceAll("[^A-Za-z0-9._-]", ".") + "@" + this.settings.messageIdDomain()
				+ ">";
		MimeMessage message = smtp.createMimeMessage();
		try {
			message.setFrom(InternetAddress.parse(this.settings.from())[0]);
			message.setRecipient(Message.RecipientType.TO,
					new InternetAddress(mail.to().email(), mail.to().name(), StandardCharsets.UTF_8.name()));
			message.setSubject(rendered.subject(), StandardCharsets.UTF_8.name());
			var body = new MimeMultipart("alternative");
			var text = new MimeBodyPart();
			text.setText(rendered.text(), StandardCharsets.UTF_8.name(), "plain");
			body.addBodyPart(text);
			var html = new MimeBodyPart();
			html.setText(rendered.html(), StandardCharsets.UTF_8.name(), "html");
			body.addBodyPart(html);
			if (mail.calendar() != null) {
				var calendar = new MimeBodyPart();
				calendar.setDataHandler(new DataHandler(new ByteArrayDataSource(mail.calendar().content(),
						CALENDAR_TYPE + "; charset=UTF-8; method=" + mail.calendar().method())));
				body.addBodyPart(calendar);
				// Outlook's hint that the message is a meeting request
				message.setHeader("Content-Class", "urn:content-classes:calendarmessage");
			}
			message.setContent(body);
			message.setHeader(AUTO_SUBMITTED, "auto-generated");
			message.setHeader("Message-ID", messageId);
		}
		catch (MessagingException | java.io.UnsupportedEncodingException ex) {
			throw new MailPreparationException("Cannot build mail " + mail.key(), ex);
		}
		return message;
	}

}
