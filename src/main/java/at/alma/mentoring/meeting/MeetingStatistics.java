package at.alma.mentoring.meeting;

import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The meeting module's API for other modules: how many meetings of a mentorship both
 * sides confirmed.
 */
@Service
@Transactional(readOnly = true)
public class MeetingStatistics {

	private final Meetings meetings;

	MeetingStatistics(Meetings meetings) {
		this.meetings = meetings;
	}

	public int heldCount(UUID mentorshipId) {
		return (int) this.meetings.countByMentorshipIdAndStatus(mentorshipId, MeetingStatus.HELD);
	}

}
