package at.alma.mentoring.meeting;

import java.util.Set;

import at.alma.mentoring.notification.Mail;
import at.alma.mentoring.notification.MailComposer;
import at.alma.mentoring.notification.MailData;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The meeting mails without a calendar file: a proposal, its decline, the reminder to
 * confirm that the meeting took place, and what became of a meeting that was not
 * confirmed (not held, disputed, dispute settled, unconfirmed).
 */
@Component
class MeetingNoticeMails implements MailComposer<MeetingMail> {

	private final MeetingMails mails;

	MeetingNoticeMails(MeetingMails mails) {
		this.mails = mails;
	}

	@Override
	public Set<MeetingMail> kinds() {
		return Set.of(MeetingMail.MEETING_PROPOSED, MeetingMail.MEETING_DECLINED, MeetingMail.MEETING_CONFIRM_REMINDER,
				MeetingMail.MEETING_NOT_HELD, MeetingMail.MEETING_DISPUTED, MeetingMail.MEETING_DISPUTE_RESOLVED,
				MeetingMail.MEETING_UNCONFIRMED);
	}

	@Override
	@Transactional(readOnly = true)
	public Mail compose(MeetingMail kind, MailData data) {
		return this.mails.compose(kind, data, null);
	}

}
