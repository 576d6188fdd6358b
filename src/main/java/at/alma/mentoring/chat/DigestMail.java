package at.alma.mentoring.chat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import at.alma.mentoring.member.MemberDirectory;
import at.alma.mentoring.member.MemberSummary;
import at.alma.mentoring.notification.Mail;
import at.alma.mentoring.notification.MailSettings;
import at.alma.mentoring.notification.MailRecipients;
import at.alma.mentoring.notification.Mailer;
import at.alma.mentoring.notification.Recipient;

import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * One digest mail: claims it (only one run wins), then sends it through the
 * {@link Mailer} under a key naming conversation, reader and newest message, all in one
 * transaction of its own. If SMTP fails, the claim rolls back with the rest and the
 * digest stays due.
 */
@Component
class DigestMail {

	static final String TEMPLATE = "chat-digest";

	/** How many of the unread messages the mail quotes, newest first. */
	static final int QUOTED = 3;

	static final int QUOTE_LENGTH = 200;

	private final ReadStates readStates;

	private final Conversations conversations;

	private final ChatMessages messages;

	private final MemberDirectory members;

	private final Mailer mailer;

	private final MailSettings mailSettings;

	private final List<MailRecipients> recipients;

	DigestMail(ReadStates readStates, Conversations conversations, ChatMessages messages, MemberDirectory members,
			Mailer mailer, MailSettings mailSettings, List<MailRecipients> recipients) {
		this.recipients = recipients;
		this.readStates = readStates;
		this.conversations = conversations;
		this.messages = messages;
		this.members = members;
		this.mailer = mailer;
		this.mailSettings = mailSettings;
	}

	/** Returns whether this call sent the digest (false: another run had claimed it). */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	boolean send(ReadStates.DueDigest digest) {
		if (!this.readStates.claim(digest)) {
			return false;
		}
		Conversation conversation = this.conversations.findById(digest.mentorshipId()).orElseThrow();
		MemberSummary reader = this.members.get(digest.memberId());
		MemberSummary other = this.members.get(conversation.otherThan(digest.memberId()));
		long unread = this.messages.countByMentorshipIdAndSenderIdNotAndIdGreaterThanAndIdLessThanEqual(
				digest.mentorshipId(), digest.memberId(), digest.lastRead(), digest.upTo());
		List<ChatMessage> newest = this.messages
			.findByMentorshipIdAndSenderIdNotAndIdGreaterThanAndIdLessThanEqualOrderByIdDesc(digest.mentorshipId(),
					digest.memberId(), digest.lastRead(), digest.upTo(), Limit.of(QUOTED));
		Map<String, Object> model = new HashMap<>();
		model.put("otherName", other.fullName());
		model.put("unreadCount", unread);
		model.put("quotes",
				newest.stream()
					.filter((message) -> !message.isDeleted())
					.map((message) -> quote(message.getText()))
					.toList());
		model.put("link", this.mailSettings.frontendUrl() + "/mentorships/" + digest.mentorshipId() + "/chat");
		String key = TEMPLATE + "/" + digest.mentorshipId() + "/" + digest.memberId() + "/" + digest.upTo();
		Recipient to = new Recipient(reader.id(), reader.email(), reader.fullName(), reader.language().locale(),
				reader.zone());
		Mail mail = new Mail(key, to, TEMPLATE, model, other.fullName());
		// a reader suspended or deleted since gets nothing, as with every other mail
		Optional<String> refusal = this.recipients.stream()
			.map((recipients) -> recipients.refusal(reader.email()))
			.flatMap(Optional::stream)
			.findFirst();
		if (refusal.isPresent()) {
			this.mailer.skip(mail, refusal.get());
		}
		else {
			this.mailer.send(mail);
		}
		return true;
	}

	private static String quote(String text) {
		return (text.length() <= QUOTE_LENGTH) ? text : text.substring(0, QUOTE_LENGTH - 1) + "…";
	}

}
