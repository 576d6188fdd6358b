package at.alma.mentoring.platform.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;

@Configuration(proxyBeanMethods = false)
@Profile("prod")
class ProductionSafetyConfiguration {

	@Bean
	static ProductionSafetyCheck productionSafetyCheck(Environment environment) {
		return new ProductionSafetyCheck(environment);
	}

}
