package at.alma.mentoring.chat;

import java.util.UUID;

/**
 * A participant wrote in the chat of a mentorship: activity of the mentorship (the
 * inactivity timer counts it).
 */
public record MessageSent(UUID mentorshipId, long messageId, UUID senderId) {
}
