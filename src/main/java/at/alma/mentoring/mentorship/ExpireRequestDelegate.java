package at.alma.mentoring.mentorship;

import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

/** {@code Task_ExpireRequest}: the expiry timer fired; the request becomes EXPIRED. */
@Component("expireRequest")
class ExpireRequestDelegate implements JavaDelegate {

	private final MentorshipRequests requests;

	ExpireRequestDelegate(MentorshipRequests requests) {
		this.requests = requests;
	}

	@Override
	public void execute(DelegateExecution execution) {
		this.requests.expire(UUID.fromString((String) execution.getVariable(LifecycleProcess.MENTORSHIP_ID)));
		execution.setVariable(LifecycleProcess.REQUEST_OUTCOME, MentorshipStatus.EXPIRED.name());
	}

}
