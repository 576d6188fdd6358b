package at.alma.mentoring.mentorship;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import at.alma.mentoring.notification.Mail;
import at.alma.mentoring.notification.MailComposer;
import at.alma.mentoring.notification.MailData;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What became of a request: the reminder to answer it, its acceptance, its decline (with
 * the mentor's message), its withdrawal and its expiry.
 */
@Component
class RequestMails implements MailComposer<MentorshipMail> {

	private final MentorshipMails mails;

	RequestMails(MentorshipMails mails) {
		this.mails = mails;
	}

	@Override
	public Set<MentorshipMail> kinds() {
		return Set.of(MentorshipMail.REQUEST_REMINDER, MentorshipMail.REQUEST_ACCEPTED, MentorshipMail.REQUEST_DECLINED,
				MentorshipMail.REQUEST_WITHDRAWN, MentorshipMail.REQUEST_EXPIRED);
	}

	@Override
	@Transactional(readOnly = true)
	public Mail compose(MentorshipMail kind, MailData data) {
		return this.mails.compose(kind, data, "", (mentorship, recipient) -> {
			Map<String, Object> details = new HashMap<>();
			// the neutral text of a suspension is no message of the mentor's: the mail
			// says it in the reader's language instead of quoting it
			boolean unavailable = MentorshipsOfSuspendedMembers.DECLINE_TEXT.equals(mentorship.getDeclineMessage());
			details.put("mentorUnavailable", unavailable);
			details.put("declineMessage", unavailable ? null : mentorship.getDeclineMessage());
			return details;
		});
	}

}
