package at.alma.mentoring.meeting;

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
 * process instances ended with the lifecycle's stage); scheduled ones send both calendars
 * a cancellation. Runs in the ending transaction.
 */
@Component
class MeetingsOfEndedMentorships {

	private final Meetings meetings;

	private final Mailbox mailbox;

	MeetingsOfEndedMentorships(Meetings meetings, Mailbox mailbox) {
		this.meetings = meetings;
		this.mailbox = mailbox;
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
				EnumSet.of(MeetingStatus.PROPOSED, MeetingStatus.SCHEDULED))) {
			if (meeting.endWithMentorship(reason)) {
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
