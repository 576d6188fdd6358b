package at.alma.mentoring.meeting;

import java.util.UUID;

/** Both sides confirmed that the meeting took place. */
public record MeetingHeld(UUID meetingId, UUID mentorshipId, UUID menteeId, UUID mentorId, boolean finalMeeting) {
}
