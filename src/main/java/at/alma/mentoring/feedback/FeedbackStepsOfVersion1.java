package at.alma.mentoring.feedback;

import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

/**
 * The feedback steps of released process versions that asked for feedback themselves:
 * {@code Task_RequestMeetingFeedback} ({@code ${meetingFeedback}}) of
 * {@code meeting-confirmation} and {@code Task_RequestClosingFeedback}
 * ({@code ${closingFeedback}}) of {@code mentorship-lifecycle}, up to versionTag 1. Since
 * versionTag 2 the {@link FeedbackOccasions} listeners ask; these beans stay while a
 * deployed version names them (docs/processes.md, Versions). Each step runs in the
 * transaction that completes the confirmation, which also publishes the event: whichever
 * of the two asks first creates the requests, the other finds them (one request per
 * member and occasion), so a member is asked once.
 */
final class FeedbackStepsOfVersion1 {

	private FeedbackStepsOfVersion1() {
	}

	/** {@code ${meetingFeedback}}: both confirmed the meeting. */
	@Component("meetingFeedback")
	static class MeetingFeedback implements JavaDelegate {

		private final FeedbackRequests requests;

		MeetingFeedback(FeedbackRequests requests) {
			this.requests = requests;
		}

		@Override
		public void execute(DelegateExecution execution) {
			this.requests.request(FeedbackOccasion.MEETING,
					FeedbackOccasion.MEETING.sourceKey(execution.getVariable("meetingId")),
					uuid(execution, "mentorshipId"), List.of(uuid(execution, "menteeId"), uuid(execution, "mentorId")));
		}

	}

	/** {@code ${closingFeedback}}: both agreed to close the mentorship. */
	@Component("closingFeedback")
	static class ClosingFeedback implements JavaDelegate {

		private final FeedbackRequests requests;

		ClosingFeedback(FeedbackRequests requests) {
			this.requests = requests;
		}

		@Override
		public void execute(DelegateExecution execution) {
			UUID mentorshipId = uuid(execution, "mentorshipId");
			this.requests.request(FeedbackOccasion.CLOSURE, FeedbackOccasion.CLOSURE.sourceKey(mentorshipId),
					mentorshipId, List.of(uuid(execution, "menteeId"), uuid(execution, "mentorId")));
		}

	}

	/** A process variable holding an id (the names both processes have always used). */
	private static UUID uuid(DelegateExecution execution, String name) {
		return UUID.fromString((String) execution.getVariable(name));
	}

}
