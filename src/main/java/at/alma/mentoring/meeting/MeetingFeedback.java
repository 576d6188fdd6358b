package at.alma.mentoring.meeting;

import java.util.List;
import java.util.UUID;

import at.alma.mentoring.feedback.FeedbackOccasion;
import at.alma.mentoring.feedback.FeedbackRequests;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

/**
 * {@code ${meetingFeedback.request(execution)}}: after both confirmed, both are asked for
 * feedback.
 */
@Component("meetingFeedback")
class MeetingFeedback implements JavaDelegate {

	private final FeedbackRequests feedback;

	MeetingFeedback(FeedbackRequests feedback) {
		this.feedback = feedback;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String meetingId = (String) execution.getVariable(MeetingProcess.MEETING_ID);
		this.feedback.request(FeedbackOccasion.MEETING, "meeting:" + meetingId,
				UUID.fromString((String) execution.getVariable("mentorshipId")),
				List.of(UUID.fromString((String) execution.getVariable("menteeId")),
						UUID.fromString((String) execution.getVariable("mentorId"))));
	}

}
