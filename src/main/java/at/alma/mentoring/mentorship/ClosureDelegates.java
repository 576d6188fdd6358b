package at.alma.mentoring.mentorship;

import java.util.List;
import java.util.UUID;

import at.alma.mentoring.feedback.FeedbackOccasion;
import at.alma.mentoring.feedback.FeedbackRequests;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

/** The service steps of the closure stage. */
final class ClosureDelegates {

	private ClosureDelegates() {
	}

	/** {@code ${lapseClosure}}: nobody answered the proposal to close in time. */
	@Component("lapseClosure")
	static class Lapse implements JavaDelegate {

		private final Closures closures;

		Lapse(Closures closures) {
			this.closures = closures;
		}

		@Override
		public void execute(DelegateExecution execution) {
			this.closures.lapse(UUID.fromString((String) execution.getVariable(LifecycleProcess.MENTORSHIP_ID)));
		}

	}

	/** {@code ${closingFeedback}}: a completed mentorship asks both for feedback. */
	@Component("closingFeedback")
	static class ClosingFeedback implements JavaDelegate {

		private final FeedbackRequests feedback;

		ClosingFeedback(FeedbackRequests feedback) {
			this.feedback = feedback;
		}

		@Override
		public void execute(DelegateExecution execution) {
			String mentorshipId = (String) execution.getVariable(LifecycleProcess.MENTORSHIP_ID);
			this.feedback.request(FeedbackOccasion.CLOSURE, "closure:" + mentorshipId, UUID.fromString(mentorshipId),
					List.of(UUID.fromString((String) execution.getVariable(LifecycleProcess.MENTEE_ID)),
							UUID.fromString((String) execution.getVariable(LifecycleProcess.MENTOR_ID))));
		}

	}

}
