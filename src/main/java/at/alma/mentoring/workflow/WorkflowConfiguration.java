package at.alma.mentoring.workflow;

import at.alma.mentoring.platform.ClientAddress;
import at.alma.mentoring.throttle.ThrottleBuckets;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Camunda's surface for operators: {@code /engine-rest} requires HTTP Basic against
 * Camunda's own users, so engine authorizations apply to every REST call; wrong passwords
 * there and at the webapps' login are throttled per client instead of locking the user
 * ({@link OperatorLoginThrottle}).
 */
@Configuration(proxyBeanMethods = false)
class WorkflowConfiguration {

	@Bean
	FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
		var registration = new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
		registration.setName("camunda-engine-rest-authentication");
		registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
				HttpBasicAuthenticationProvider.class.getName());
		registration.addUrlPatterns("/engine-rest/*");
		return registration;
	}

	/**
	 * Before Spring Security's filters and Camunda's (the firewall's 400 for malformed
	 * URLs comes first): a throttled client's attempt reaches nothing.
	 */
	@Bean
	FilterRegistrationBean<OperatorLoginThrottle> operatorLoginThrottle(ThrottleBuckets buckets,
			OperatorLoginThrottleSettings settings, ClientAddress addresses) {
		var registration = new FilterRegistrationBean<>(new OperatorLoginThrottle(buckets, settings, addresses));
		registration.setName("camunda-login-throttle");
		registration.addUrlPatterns("/engine-rest/*", "/camunda/api/admin/*");
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
		return registration;
	}

	/** The engine checks passwords with {@link ThrottledIdentityProvider}. */
	@Bean
	ProcessEnginePlugin throttledPasswordChecks() {
		return new AbstractProcessEnginePlugin() {

			@Override
			public void preInit(ProcessEngineConfigurationImpl configuration) {
				configuration.setIdentityProviderSessionFactory(new SessionFactory() {

					@Override
					public Class<?> getSessionType() {
						return ThrottledIdentityProvider.class;
					}

					@Override
					public Session openSession() {
						return new ThrottledIdentityProvider();
					}

				});
			}

			/** The name the engine's start log gives this plugin. */
			@Override
			public String toString() {
				return "ThrottledPasswordChecks";
			}

		};
	}

}
