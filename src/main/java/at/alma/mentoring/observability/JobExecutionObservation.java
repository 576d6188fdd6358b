package at.alma.mentoring.observability;

import java.util.ArrayList;
import java.util.List;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.ExecuteJobsCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Every Camunda job execution, by the job executor or by
 * {@code ManagementService.executeJob}, as a {@code camunda.job.execution} observation: a
 * timer (count, time, {@code error} tag of a failed job) and a span whose trace id is in
 * the log context of the job's lines, next to Camunda's own {@code businessKey} and
 * {@code processInstanceId}. It wraps the job's transaction, so the commit counts.
 */
@Component
class JobExecutionObservation extends AbstractProcessEnginePlugin {

	static final String NAME = "camunda.job.execution";

	private final ObjectProvider<ObservationRegistry> registry;

	JobExecutionObservation(ObjectProvider<ObservationRegistry> registry) {
		this.registry = registry;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		List<CommandInterceptor> interceptors = new ArrayList<>();
		if (configuration.getCustomPreCommandInterceptorsTxRequired() != null) {
			interceptors.addAll(configuration.getCustomPreCommandInterceptorsTxRequired());
		}
		interceptors.add(new Interceptor());
		configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
	}

	private class Interceptor extends CommandInterceptor {

		@Override
		public <T> T execute(Command<T> command) {
			if (!(command instanceof ExecuteJobsCmd)) {
				return this.next.execute(command);
			}
			return Observation
				.createNotStarted(NAME,
						JobExecutionObservation.this.registry.getIfAvailable(() -> ObservationRegistry.NOOP))
				.contextualName("camunda job")
				.observe(() -> this.next.execute(command));
		}

	}

}
