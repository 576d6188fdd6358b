package at.alma.mentoring.chat;

import at.alma.mentoring.workflow.ProcessUpgrade;

import org.springframework.stereotype.Component;

/**
 * A digest run finishes on its version; deploying a new version replaces the timer start
 * event's job, so the next run starts on the new one.
 */
@Component
class ChatDigestUpgrade implements ProcessUpgrade {

	@Override
	public String processKey() {
		return ChatDigestProcess.KEY;
	}

	@Override
	public Decision decision() {
		return Decision.CONTINUE;
	}

}
