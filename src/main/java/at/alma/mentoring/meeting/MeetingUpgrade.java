package at.alma.mentoring.meeting;

import at.alma.mentoring.workflow.ProcessUpgrade;

import org.springframework.stereotype.Component;

/**
 * A meeting's confirmation moves to the newest version: a meeting can wait weeks for its
 * date and its confirmations.
 */
@Component
class MeetingUpgrade implements ProcessUpgrade {

	@Override
	public String processKey() {
		return MeetingProcess.KEY;
	}

	@Override
	public Decision decision() {
		return Decision.MIGRATE;
	}

}
