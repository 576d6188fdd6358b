package at.alma.mentoring.mentorship;

import java.util.UUID;

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

}
