package at.alma.mentoring;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

@TestConfiguration(proxyBeanMethods = false)
public class TestConfig {

	@Bean
	@Primary
	TestClock testClock() {
		return new TestClock();
	}

	@Bean
	DomainEvents domainEvents() {
		return new DomainEvents();
	}

}
