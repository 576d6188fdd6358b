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
 * The mails of one proposal to close (its round is part of the key): the proposal and its
 * reminder to the member asked to confirm, the decline (with its message) and the lapse
 * to the one who proposed.
 */
@Component
class ClosureMails implements MailComposer<MentorshipMail> {

	private final MentorshipMails mails;

	ClosureMails(MentorshipMails mails) {
		this.mails = mails;
	}

	@Override
	public Set<MentorshipMail> kinds() {
		return Set.of(MentorshipMail.CLOSURE_PROPOSED, MentorshipMail.CLOSURE_REMINDER, MentorshipMail.CLOSURE_DECLINED,
				MentorshipMail.CLOSURE_LAPSED);
	}

	@Override
	@Transactional(readOnly = true)
	public Mail compose(MentorshipMail kind, MailData data) {
		return this.mails.compose(kind, data, "/c" + data.get(LifecycleProcess.CLOSURE_ROUND),
				(mentorship, recipient) -> {
					Map<String, Object> details = new HashMap<>();
					details.put("closureDeclineMessage", mentorship.getClosureDeclineMessage());
					return details;
				});
	}

}
