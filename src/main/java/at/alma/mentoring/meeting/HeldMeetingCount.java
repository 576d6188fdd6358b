package at.alma.mentoring.meeting;

import at.alma.mentoring.mentorship.MentorshipDirectory;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells the mentorship module of every held meeting, so that it knows how many there are
 * (its drift check and the program office read the count there) without depending on this
 * module. Synchronous in the publisher's transaction, like the achievements: a meeting
 * becomes HELD once, and its count commits or rolls back with it.
 */
@Component
class HeldMeetingCount {

	private final Meetings meetings;

	private final MentorshipDirectory mentorships;

	HeldMeetingCount(Meetings meetings, MentorshipDirectory mentorships) {
		this.meetings = meetings;
		this.mentorships = mentorships;
	}

	/** A fact about a meeting this module does not hold counts nothing. */
	@EventListener
	void on(MeetingHeld event) {
		this.meetings.findById(event.meetingId())
			.ifPresent((meeting) -> this.mentorships.recordMeetingHeld(event.mentorshipId(),
					meeting.getScheduled().getStartsAt()));
	}

}
