package at.alma.mentoring.mentorship;

import at.alma.mentoring.workflow.ProcessUpgrade;

import org.springframework.stereotype.Component;

/**
 * Running lifecycles move to the newest version: they last months, and a lifecycle left
 * on an old version would keep calling the stage versions it was built for.
 */
@Component
class LifecycleUpgrade implements ProcessUpgrade {

	@Override
	public String processKey() {
		return LifecycleProcess.KEY;
	}

	@Override
	public Decision decision() {
		return Decision.MIGRATE;
	}

}
