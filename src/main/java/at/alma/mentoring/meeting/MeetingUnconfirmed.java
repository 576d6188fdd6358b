package at.alma.mentoring.meeting;

import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

/**
 * {@code ${meetingUnconfirmed}}: nobody confirmed the meeting in time, or nobody settled
 * its dispute in time; it becomes UNCONFIRMED (no achievement). Idempotent.
 */
@Component("meetingUnconfirmed")
class MeetingUnconfirmed implements JavaDelegate {

	private final MeetingPlanning planning;

	MeetingUnconfirmed(MeetingPlanning planning) {
		this.planning = planning;
	}

	@Override
	public void execute(DelegateExecution execution) {
		this.planning.lapse(UUID.fromString((String) execution.getVariable(MeetingProcess.MEETING_ID)));
	}

}
