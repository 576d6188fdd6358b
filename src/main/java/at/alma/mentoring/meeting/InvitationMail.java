package at.alma.mentoring.meeting;

import java.time.Clock;
import java.util.Set;

import at.alma.mentoring.notification.Mail;
import at.alma.mentoring.notification.MailComposer;
import at.alma.mentoring.notification.MailData;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The scheduled meeting, with its calendar invitation (METHOD:REQUEST). */
@Component
class InvitationMail implements MailComposer<MeetingMail> {

	private final MeetingMails mails;

	private final Clock clock;

	InvitationMail(MeetingMails mails, Clock clock) {
		this.mails = mails;
		this.clock = clock;
	}

	@Override
	public Set<MeetingMail> kinds() {
		return Set.of(MeetingMail.MEETING_SCHEDULED);
	}

	@Override
	@Transactional(readOnly = true)
	public Mail compose(MeetingMail kind, MailData data) {
		return this.mails.compose(kind, data,
				(meeting, slot, sequence, mentee, mentor, recipient) -> new Mail.CalendarPart("REQUEST",
						Invitations.request(meeting, slot, sequence, mentee, mentor, recipient,
								this.mails.calendarWords(recipient), this.clock.instant(), this.mails.organizer())));
	}

}
