package at.alma.mentoring;

import javax.sql.DataSource;

import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.graphql.GraphQlSourceBuilderCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

@TestConfiguration(proxyBeanMethods = false)
public class TestConfig {

	@Bean
	@Primary
	TestClock testClock() {
		return new TestClock();
	}

	@Bean
	Scenarios scenarios(Environment environment, ManagementService managementService, RuntimeService runtimeService,
			JdbcTemplate jdbc, TestClock clock) {
		return new Scenarios(environment, managementService, runtimeService, jdbc, clock);
	}

	@Bean
	DomainEvents domainEvents() {
		return new DomainEvents();
	}

	/**
	 * The schema mapping report of the one GraphQL schema (the app switches the
	 * inspection off at startup; SchemaMappingTests reads it).
	 */
	@Bean
	SchemaMappingReport schemaMappingReport() {
		return new SchemaMappingReport();
	}

	@Bean
	GraphQlSourceBuilderCustomizer inspectSchemaMappings(SchemaMappingReport report) {
		return (builder) -> builder.inspectSchemaMappings(report::set);
	}

	@Bean
	static SqlStatements sqlStatements() {
		return new SqlStatements();
	}

	/**
	 * Wraps the one DataSource, so that JPA, JdbcTemplate, Flyway and the Camunda engine
	 * all run their SQL through the counter.
	 */
	@Bean
	static BeanPostProcessor countingDataSource(SqlStatements statements) {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (bean instanceof DataSource dataSource
						&& !(bean instanceof net.ttddyy.dsproxy.support.ProxyDataSource)) {
					return ProxyDataSourceBuilder.create(dataSource).name(beanName).listener(statements).build();
				}
				return bean;
			}

		};
	}

}
