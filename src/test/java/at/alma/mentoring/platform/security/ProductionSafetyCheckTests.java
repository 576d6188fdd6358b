package at.alma.mentoring.platform.security;

import org.junit.jupiter.api.Test;

import at.alma.mentoring.platform.SecuritySettings;

import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ProductionSafetyCheckTests {

	@Test
	void refusesDevelopmentSecretsAndSaysWhatToSet() {
		var environment = new MockEnvironment()
			.withProperty("mentoring.security.jwt-secret", SecuritySettings.DEVELOPMENT_JWT_SECRET)
			.withProperty("camunda.bpm.admin-user.id", "admin")
			.withProperty("camunda.bpm.admin-user.password", ProductionSafetyCheck.DEVELOPMENT_ADMIN_PASSWORD);
		var failure = catchThrowableOfType(InsecureConfigurationException.class,
				() -> new ProductionSafetyCheck(environment).postProcessBeanFactory(new DefaultListableBeanFactory()));
		var analysis = new InsecureConfigurationFailureAnalyzer().analyze(failure);
		assertThat(analysis.getDescription()).contains("MENTORING_JWT_SECRET")
			.contains("CAMUNDA_ADMIN_PASSWORD")
			.contains("SPRING_MAIL_HOST")
			.contains("MENTORING_OPERATOR_PASSWORD");
		assertThat(analysis.getAction()).contains("environment variables");
	}

	@Test
	void refusesAnAdminPasswordEqualToTheUserId() {
		var environment = new MockEnvironment().withProperty("mentoring.security.jwt-secret", "s".repeat(40))
			.withProperty("camunda.bpm.admin-user.id", "ops")
			.withProperty("camunda.bpm.admin-user.password", "ops")
			.withProperty("spring.mail.host", "smtp.example.org")
			.withProperty("mentoring.operator.password", "a long operator password");
		var failure = catchThrowableOfType(InsecureConfigurationException.class,
				() -> new ProductionSafetyCheck(environment).postProcessBeanFactory(new DefaultListableBeanFactory()));
		assertThat(failure.problems()).singleElement().asString().contains("CAMUNDA_ADMIN_PASSWORD");
	}

	@Test
	void refusesTheDevelopmentOperatorPassword() {
		var environment = new MockEnvironment().withProperty("mentoring.security.jwt-secret", "s".repeat(40))
			.withProperty("camunda.bpm.admin-user.id", "ops")
			.withProperty("camunda.bpm.admin-user.password", "a long and real password")
			.withProperty("spring.mail.host", "smtp.example.org")
			.withProperty("mentoring.operator.password", OperatorSettings.DEVELOPMENT_PASSWORD);
		var failure = catchThrowableOfType(InsecureConfigurationException.class,
				() -> new ProductionSafetyCheck(environment).postProcessBeanFactory(new DefaultListableBeanFactory()));
		assertThat(failure.problems()).singleElement().asString().contains("MENTORING_OPERATOR_PASSWORD");
	}

	@Test
	void acceptsRealSecrets() {
		var environment = new MockEnvironment().withProperty("mentoring.security.jwt-secret", "k".repeat(48))
			.withProperty("camunda.bpm.admin-user.id", "ops")
			.withProperty("camunda.bpm.admin-user.password", "a long and real password")
			.withProperty("spring.mail.host", "smtp.example.org")
			.withProperty("mentoring.operator.password", "a long operator password");
		assertThatNoException().isThrownBy(
				() -> new ProductionSafetyCheck(environment).postProcessBeanFactory(new DefaultListableBeanFactory()));
	}

}
