package at.alma.mentoring.feedback;

import java.util.List;

import at.alma.mentoring.meeting.MeetingHeld;
import at.alma.mentoring.mentorship.InactivityNoticed;
import at.alma.mentoring.mentorship.MentorshipCompleted;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Asks both sides for feedback when the facts that are occasions for it are published: a
 * meeting both confirmed, a completed mentorship, a period without activity.
 * <p>
 * The listeners run synchronously in the transaction that published the event (a plain
 * {@code @EventListener}, like the achievements), not after its commit: the fact and the
 * request it causes (with its mail's outbox entry) commit together or roll back together.
 * A member's action that fails leaves no request behind, and when the publisher is a
 * Camunda job (the inactivity timer) that fails, the job's retry redoes both. An
 * after-commit listener could lose the request on a crash between the two commits, and
 * would need a publication log to be retried. Each occasion asks a member at most once
 * (its source key), so a repeated fact asks nobody twice.
 */
@Component
class FeedbackOccasions {

	private final FeedbackRequests requests;

	FeedbackOccasions(FeedbackRequests requests) {
		this.requests = requests;
	}

	@EventListener
	void on(MeetingHeld event) {
		this.requests.request(FeedbackOccasion.MEETING, FeedbackOccasion.MEETING.sourceKey(event.meetingId()),
				event.mentorshipId(), List.of(event.menteeId(), event.mentorId()));
	}

	@EventListener
	void on(MentorshipCompleted event) {
		this.requests.request(FeedbackOccasion.CLOSURE, FeedbackOccasion.CLOSURE.sourceKey(event.mentorshipId()),
				event.mentorshipId(), List.of(event.menteeId(), event.mentorId()));
	}

	@EventListener
	void on(InactivityNoticed event) {
		this.requests.request(FeedbackOccasion.INACTIVITY, FeedbackOccasion.INACTIVITY.sourceKey(event.periodEnd()),
				event.mentorshipId(), List.of(event.menteeId(), event.mentorId()));
	}

}
