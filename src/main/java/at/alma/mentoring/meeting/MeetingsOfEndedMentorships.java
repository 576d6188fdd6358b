package at.alma.mentoring.meeting;

import java.time.Clock;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import at.alma.mentoring.mentorship.MentorshipCompleted;
import at.alma.mentoring.mentorship.MentorshipTerminated;
import at.alma.mentoring.notification.Mailbox;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * When a mentorship ends, its open proposals and scheduled meetings end with it (their
 * process instances ended with the lifecycle's stage); scheduled ones still ahead are
 * cancelled and send both calendars a cancellation. A meeting that has begun and awaits
 * its confirmations, or is disputed, becomes UNCONFIRMED without a mail (it may have
 * taken place, so it is never called cancelled; the end's own mail tells both sides).
 * Closing is refused while such a meeting is open
 * ({@link UnresolvedMeetingsOfMentorships}), so this happens on termination only. Runs in
 * the ending transaction.
 */
@Component
class MeetingsOfEndedMentorships {

	private final Meetings meetings;

	private final Mailbox mailbox;

	private final Clock clock;

	MeetingsOfEndedMentorships(Meetings meetings, Mailbox mailbox, Clock clock) {
		this.meetings = meetings;
		this.mailbox = mailbox;
		this.clock = clock;
	}

	@EventListener
	void on(MentorshipCompleted event) {
		end(event.mentorshipId(), "The mentorship was completed.", "COMPLETED");
	}

	@EventListener
	void on(MentorshipTerminated event) {
		end(event.mentorshipId(), "The mentorship was ended.", "TERMINATED");
	}

	private void end(UUID mentorshipId, String reason, String how) {
		for (Meeting meeting : this.meetings.findByMentorshipIdAndStatusIn(mentorshipId,
				EnumSet.of(MeetingStatus.PROPOSED, MeetingStatus.SCHEDULED, MeetingStatus.DISPUTED))) {
			if (meeting.endWithMentorship(reason, this.clock) == Meeting.Ending.CANCELLED_INVITATION) {
				// the mails say in each reader's language why: no canceller, no reason
				// text
				Map<String, Object> variables = new HashMap<>(MeetingMails.round(meeting, null, false));
				variables.put(MeetingProcess.MEETING_ID, meeting.getId().toString());
				variables.put(MeetingMails.MENTORSHIP_ENDED, how);
				for (String side : new String[] { "MENTEE", "MENTOR" }) {
					variables.put(MeetingMail.TO, side);
					this.mailbox.post(MeetingMail.MEETING_CANCELLED, mentorshipId.toString(), variables);
				}
			}
		}
		this.meetings.flush();
	}

}
