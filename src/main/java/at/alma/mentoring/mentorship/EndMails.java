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
 * The end of a mentorship: completed (to each side) or ended early (to the side that did
 * not end it, with the reason).
 */
@Component
class EndMails implements MailComposer<MentorshipMail> {

	private final MentorshipMails mails;

	EndMails(MentorshipMails mails) {
		this.mails = mails;
	}

	@Override
	public Set<MentorshipMail> kinds() {
		return Set.of(MentorshipMail.MENTORSHIP_COMPLETED, MentorshipMail.MENTORSHIP_TERMINATED);
	}

	@Override
	@Transactional(readOnly = true)
	public Mail compose(MentorshipMail kind, MailData data) {
		return this.mails.compose(kind, data, "", (mentorship, recipient) -> {
			Map<String, Object> details = new HashMap<>();
			// the neutral reason of a suspension is no text of the partner's: the mail
			// says it in the reader's language instead of quoting it
			boolean inactive = MentorshipsOfSuspendedMembers.END_REASON.equals(mentorship.getTerminationReason());
			boolean left = MentorshipsOfSuspendedMembers.ACCOUNT_DELETED.equals(mentorship.getTerminationReason());
			details.put("partnerInactive", inactive);
			details.put("partnerLeft", left);
			details.put("terminationReason", (inactive || left) ? null : mentorship.getTerminationReason());
			return details;
		});
	}

}
