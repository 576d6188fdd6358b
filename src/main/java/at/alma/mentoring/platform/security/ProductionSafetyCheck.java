package at.alma.mentoring.platform.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import at.alma.mentoring.platform.SecuritySettings;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.env.Environment;

/**
 * Refuses to start the {@code prod} profile while a secret is still its development
 * default. Runs as a bean factory post-processor, so it fails before the process engine
 * creates the admin user with that password.
 */
class ProductionSafetyCheck implements BeanFactoryPostProcessor {

	/**
	 * The Cockpit admin password used when CAMUNDA_ADMIN_PASSWORD is not set (README).
	 */
	static final String DEVELOPMENT_ADMIN_PASSWORD = "Camunda-Dev-Pass-1";

	private final Environment environment;

	ProductionSafetyCheck(Environment environment) {
		this.environment = environment;
	}

	@Override
	public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
		List<String> problems = new ArrayList<>();
		String jwtSecret = this.environment.getProperty("mentoring.security.jwt-secret");
		if (jwtSecret == null || jwtSecret.isBlank() || SecuritySettings.DEVELOPMENT_JWT_SECRET.equals(jwtSecret)) {
			problems.add("MENTORING_JWT_SECRET (mentoring.security.jwt-secret) is the development default: "
					+ "set a random secret of at least 32 bytes");
		}
		String adminId = this.environment.getProperty("camunda.bpm.admin-user.id");
		String adminPassword = this.environment.getProperty("camunda.bpm.admin-user.password");
		if (adminPassword == null || adminPassword.isBlank() || DEVELOPMENT_ADMIN_PASSWORD.equals(adminPassword)
				|| Objects.equals(adminId, adminPassword)) {
			problems.add("CAMUNDA_ADMIN_PASSWORD (camunda.bpm.admin-user.password) is the development default: "
					+ "set the Cockpit admin password");
		}
		String operatorPassword = this.environment.getProperty("mentoring.operator.password");
		if (operatorPassword == null || operatorPassword.isBlank()
				|| OperatorSettings.DEVELOPMENT_PASSWORD.equals(operatorPassword)
				|| Objects.equals(this.environment.getProperty("mentoring.operator.user"), operatorPassword)) {
			problems.add("MENTORING_OPERATOR_PASSWORD (mentoring.operator.password) is the development default: "
					+ "set the password Prometheus uses for /actuator/prometheus");
		}
		String mailHost = this.environment.getProperty("spring.mail.host");
		if (mailHost == null || mailHost.isBlank()) {
			problems.add("SPRING_MAIL_HOST (spring.mail.host) is not set: without an SMTP server mails would only be "
					+ "written to the log and never delivered");
		}
		if (!problems.isEmpty()) {
			throw new InsecureConfigurationException(problems);
		}
	}

}
