package at.alma.mentoring.meeting;

import java.time.Clock;
import java.util.UUID;

import at.alma.mentoring.mentorship.UnresolvedMeetings;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A meeting is unresolved while it has begun and awaits its confirmations (SCHEDULED,
 * start passed) or is DISPUTED; a meeting still ahead does not hold up a closure (it is
 * cancelled when the mentorship ends).
 */
@Component
class UnresolvedMeetingsOfMentorships implements UnresolvedMeetings {

	private final Meetings meetings;

	private final Clock clock;

	UnresolvedMeetingsOfMentorships(Meetings meetings, Clock clock) {
		this.meetings = meetings;
		this.clock = clock;
	}

	@Override
	@Transactional(readOnly = true)
	public boolean any(UUID mentorshipId) {
		return this.meetings.countUnresolved(mentorshipId, this.clock.instant()) > 0;
	}

}
