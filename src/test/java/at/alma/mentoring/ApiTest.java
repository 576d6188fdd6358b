package at.alma.mentoring;

import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The one Spring context of the API tests: the real server on a random port, the real
 * engine, the real schema, metrics and tracing as in production. Every API test extends
 * this class, so the context is started once and shared (see README, "Test it"). The
 * steps a test starts from come from {@link Scenarios}, by composition.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability
@Import(TestConfig.class)
public abstract class ApiTest {

	public static final String PASSWORD = Scenarios.PASSWORD;

	/** The SMTP server every test context sends to. */
	protected static final TestMailServer mail = new TestMailServer();

	@DynamicPropertySource
	static void mailServer(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", mail::port);
	}

	@LocalServerPort
	protected int port;

	@Autowired
	protected ManagementService managementService;

	@Autowired
	protected RuntimeService runtimeService;

	@Autowired
	protected TaskService taskService;

	@Autowired
	protected JdbcTemplate jdbc;

	@Autowired
	protected TestClock clock;

	/** The steps tests start from; see {@link Scenarios}. */
	@Autowired
	protected Scenarios scenarios;

	@BeforeEach
	void emptyMailboxes() {
		mail.start();
		mail.purge();
	}

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	/**
	 * Every mail a test left on the server passes {@link TestMailServer#inspect} (mails a
	 * test takes off the server are inspected when taken).
	 */
	@AfterEach
	void inspectMails() {
		mail.received().forEach(TestMailServer::inspect);
	}

	/**
	 * Executes the due jobs of the processes of one business object until none is left
	 * ({@link Scenarios#runJobs}).
	 */
	protected void runJobs(UUID businessKey) {
		this.scenarios.runJobs(businessKey);
	}

	protected List<Job> dueJobs(UUID businessKey) {
		return this.scenarios.dueJobs(businessKey);
	}

	protected List<Job> jobs(UUID businessKey) {
		return processInstanceIds(businessKey).stream()
			.flatMap((id) -> this.managementService.createJobQuery().processInstanceId(id).list().stream())
			.toList();
	}

	protected List<String> processInstanceIds(UUID businessKey) {
		return this.scenarios.processInstanceIds(businessKey);
	}

	protected long count(String table) {
		return this.jdbc.queryForObject("select count(*) from " + table, Long.class);
	}

	/** The response is refused with this error code. */
	protected static void expectCode(GraphQlTester.Response response, String code) {
		response.errors().expect((error) -> code.equals(error.getExtensions().get("code"))).verify();
	}

	/** The response is refused as invalid input naming this field. */
	protected static void expectInvalid(GraphQlTester.Response response, String field) {
		response.errors()
			.expect((error) -> "INVALID_INPUT".equals(error.getExtensions().get("code"))
					&& field.equals(error.getExtensions().get("field")))
			.verify();
	}

	/**
	 * Mentorship rows and the engine's runtime rows: a refused request must not change
	 * any of them.
	 */
	protected long[] mentorshipFootprint() {
		return new long[] { count("mentorships"), count("ACT_RU_EXECUTION"), count("ACT_RU_TASK"), count("ACT_RU_JOB"),
				count("ACT_RU_VARIABLE") };
	}

	// The most used scenarios, for every API test; the others through this.scenarios

	protected WebTestClient http() {
		return this.scenarios.http();
	}

	/** A GraphQL client without a token. */
	protected HttpGraphQlTester anonymous() {
		return this.scenarios.anonymous();
	}

	protected HttpGraphQlTester as(Account account) {
		return this.scenarios.as(account);
	}

	/** Signs a new member up through the API, with a unique e-mail address. */
	protected Account signUp(String firstName, String lastName, String... roles) {
		return this.scenarios.signUp(firstName, lastName, roles);
	}

	/** Signs up a member who reads {@code language} and lives in {@code timeZone}. */
	protected Account signUpWith(String firstName, String lastName, String language, String timeZone, String... roles) {
		return this.scenarios.signUpWith(firstName, lastName, language, timeZone, roles);
	}

	/** The configured admin, signed in. */
	protected Account admin() {
		return this.scenarios.admin();
	}

	/** Signs the member in again: a fresh token at the test clock's time. */
	protected Account signIn(Account account) {
		return this.scenarios.signIn(account);
	}

	/** The mentee asks the mentor for a mentorship; returns its id. */
	protected UUID requested(Account mentee, Account mentor) {
		return this.scenarios.requested(mentee, mentor);
	}

	/** A request the mentor accepted (its mails sent). */
	protected UUID accepted(Account mentee, Account mentor) {
		return this.scenarios.accepted(mentee, mentor);
	}

	/** An accepted mentorship whose first agreement the mentor approved: ACTIVE. */
	protected UUID active(Account mentee, Account mentor) {
		return this.scenarios.active(mentee, mentor);
	}

	/** A member as the tests know them: id, e-mail and a bearer token. */
	public record Account(UUID id, String email, String token) {
	}

}
