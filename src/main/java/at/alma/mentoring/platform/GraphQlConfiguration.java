package at.alma.mentoring.platform;

import graphql.scalars.ExtendedScalars;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

/**
 * Scalars of the schema: {@code DateTime} (ISO-8601 with offset), {@code Date},
 * {@code Long}.
 */
@Configuration(proxyBeanMethods = false)
class GraphQlConfiguration {

	@Bean
	RuntimeWiringConfigurer scalars() {
		return (wiring) -> wiring.scalar(DateTimeScalar.INSTANCE)
			.scalar(ExtendedScalars.Date)
			.scalar(ExtendedScalars.GraphQLLong);
	}

}
