package at.alma.mentoring.workflow;

import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * With {@code --mentoring.migrate}, the process started to run {@link MigrationCommand}
 * executes no jobs of its own (no timer fires while instances are moved; the command runs
 * its batch jobs itself; the readiness group then lacks the job executor's check) and
 * listens on a random port, so it conflicts with nothing.
 */
class MigrationMode implements EnvironmentPostProcessor {

	static final String PROPERTY = "mentoring.migrate";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (!environment.containsProperty(PROPERTY)) {
			return;
		}
		environment.getPropertySources()
			.addFirst(new MapPropertySource("mentoring-migrate",
					Map.of("camunda.bpm.job-execution.enabled", "false", "server.port", "0",
							// without a job executor, its readiness check does not exist
							"management.endpoint.health.validate-group-membership", "false")));
	}

}
