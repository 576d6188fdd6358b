package at.alma.mentoring.platform;

import java.io.IOException;
import java.util.Map;

import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.junit.jupiter.api.Test;

import at.alma.mentoring.platform.graphql.GraphQlSettings;

import org.springframework.boot.autoconfigure.graphql.GraphQlProperties;
import org.springframework.boot.autoconfigure.web.ErrorProperties.IncludeAttribute;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.web.server.Cookie.SameSite;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code prod} profile's settings as Boot binds them from {@code application.yml} and
 * {@code application-prod.yml}. Starting the app with {@code prod} in this JVM would
 * switch introspection off JVM-wide for every later test (see NOTES), so this test binds
 * the files the way Boot does instead of starting a context.
 */
class ProductionProfileTests {

	@Test
	void productionSwitchesOffIntrospectionGraphiqlAndTheSchemaPrinter() throws IOException {
		GraphQlProperties graphQl = binder("prod").bind("spring.graphql", GraphQlProperties.class).get();
		assertThat(graphQl.getSchema().getIntrospection().isEnabled()).isFalse();
		assertThat(graphQl.getGraphiql().isEnabled()).isFalse();
		assertThat(graphQl.getSchema().getPrinter().isEnabled()).isFalse();

		GraphQlProperties development = binder().bind("spring.graphql", GraphQlProperties.class).get();
		assertThat(development.getGraphiql().isEnabled()).as("development keeps GraphiQL").isTrue();
	}

	@Test
	void productionErrorsCarryNoStackTraceOrMessage() throws IOException {
		ServerProperties server = binder("prod").bind("server", ServerProperties.class).get();
		assertThat(server.getError().getIncludeStacktrace()).isEqualTo(IncludeAttribute.NEVER);
		assertThat(server.getError().getIncludeMessage()).isEqualTo(IncludeAttribute.NEVER);
	}

	@Test
	void productionCamundaWebappsUseSecureCookiesAndHsts() throws IOException {
		CamundaBpmProperties camunda = binder("prod").bind("camunda.bpm", CamundaBpmProperties.class).get();
		assertThat(camunda.getWebapp().getCsrf().isEnableSecureCookie()).isTrue();
		assertThat(camunda.getWebapp().getHeaderSecurity().isHstsDisabled()).isFalse();
	}

	@Test
	void productionSessionCookieIsSecureHttpOnlyAndSameSite() throws IOException {
		// the Camunda webapps' login session; the API itself has no session
		var cookie = binder("prod").bind("server", ServerProperties.class).get().getServlet().getSession().getCookie();
		assertThat(cookie.getSecure()).isTrue();
		assertThat(cookie.getHttpOnly()).isTrue();
		assertThat(cookie.getSameSite()).isEqualTo(SameSite.LAX);
	}

	@Test
	void aStalledDatabaseFailsAStatementWithinTheSocketTimeout() throws IOException {
		String url = binder("mysql").bind("spring.datasource.url", String.class).get();
		assertThat(url).contains("socketTimeout=20000").contains("connectTimeout=5000");
		assertThat(binder("mysql").bind("spring.datasource.hikari.connection-timeout", Long.class).get())
			.isEqualTo(5000);
	}

	@Test
	void everyProfileRunsTheEngineWithAuthorizationTypeValidationAndAResultLimit() throws IOException {
		for (Binder binder : new Binder[] { binder(), binder("prod"), binder("mysql", "prod") }) {
			CamundaBpmProperties camunda = binder.bind("camunda.bpm", CamundaBpmProperties.class).get();
			assertThat(camunda.getAuthorization().isEnabled()).isTrue();
			Map<String, Object> generic = camunda.getGenericProperties().getProperties();
			assertThat(String.valueOf(generic.get("deserialization-type-validation-enabled"))).isEqualTo("true");
			assertThat(String.valueOf(generic.get("java-serialization-format-enabled"))).isEqualTo("false");
			assertThat(String.valueOf(generic.get("query-max-results-limit"))).isEqualTo("2000");
			assertThat(String.valueOf(generic.get("enable-password-policy"))).isEqualTo("true");
		}
	}

	@Test
	void graphQlLimitsAreBound() throws IOException {
		GraphQlSettings limits = binder("prod").bind("mentoring.graphql", GraphQlSettings.class).get();
		assertThat(limits.maxDepth()).isEqualTo(12);
		assertThat(limits.maxCost()).isEqualTo(10000);
		assertThat(limits.maxFields()).isEqualTo(300);
		assertThat(limits.maxDocumentSize().toKilobytes()).isEqualTo(64);
	}

	/** application.yml, then each profile's file on top, as Boot orders them. */
	private static Binder binder(String... profiles) throws IOException {
		StandardEnvironment environment = new StandardEnvironment();
		var loader = new YamlPropertySourceLoader();
		loader.load("application.yml", new ClassPathResource("application.yml"))
			.forEach(environment.getPropertySources()::addLast);
		for (String profile : profiles) {
			String file = "application-" + profile + ".yml";
			loader.load(file, new ClassPathResource(file)).forEach(environment.getPropertySources()::addFirst);
		}
		return Binder.get(environment);
	}

}
