package at.alma.mentoring.mentorship;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import at.alma.mentoring.notification.Mail;
import at.alma.mentoring.notification.MailComposer;
import at.alma.mentoring.notification.MailData;
import at.alma.mentoring.notification.MailTexts;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The request to the mentor: the mentee's message and until when it can be answered. */
@Component
class RequestReceivedMail implements MailComposer<MentorshipMail> {

	private final MentorshipMails mails;

	private final MailTexts texts;

	RequestReceivedMail(MentorshipMails mails, MailTexts texts) {
		this.mails = mails;
		this.texts = texts;
	}

	@Override
	public Set<MentorshipMail> kinds() {
		return Set.of(MentorshipMail.REQUEST_RECEIVED);
	}

	@Override
	@Transactional(readOnly = true)
	public Mail compose(MentorshipMail kind, MailData data) {
		return this.mails.compose(kind, data, "", (mentorship, recipient) -> {
			Map<String, Object> details = new HashMap<>();
			if (mentorship.getRequestMessage() != null) {
				details.put("requestMessage", mentorship.getRequestMessage());
			}
			details.put("dueDateText",
					this.texts.dateTime(mentorship.getRequestExpiresAt(), MentorshipMails.recipient(recipient)));
			return details;
		});
	}

}
