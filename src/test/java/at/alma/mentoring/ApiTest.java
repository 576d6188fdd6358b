package at.alma.mentoring;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
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
 * this class, so the context is started once and shared (see README, "Test it").
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability
@Import(TestConfig.class)
public abstract class ApiTest {

	public static final String PASSWORD = "correct horse battery";

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
	 * Executes the due jobs (async steps, timers whose time has come on the test clock)
	 * of the processes of one business object, again and again until none is left. A
	 * failing job loses a retry, as with the job executor.
	 */
	protected void runJobs(UUID businessKey) {
		for (int round = 0; round < 50; round++) {
			List<Job> due = dueJobs(businessKey);
			if (due.isEmpty()) {
				return;
			}
			for (Job job : due) {
				try {
					this.managementService.executeJob(job.getId());
				}
				catch (RuntimeException ex) {
					// the engine recorded the failure on the job (retries, incident)
				}
			}
		}
		throw new IllegalStateException("Jobs of " + businessKey + " keep coming");
	}

	protected List<Job> dueJobs(UUID businessKey) {
		return processInstanceIds(businessKey).stream()
			.flatMap((id) -> this.managementService.createJobQuery().processInstanceId(id).executable().list().stream())
			.toList();
	}

	protected List<Job> jobs(UUID businessKey) {
		return processInstanceIds(businessKey).stream()
			.flatMap((id) -> this.managementService.createJobQuery().processInstanceId(id).list().stream())
			.toList();
	}

	protected List<String> processInstanceIds(UUID businessKey) {
		return this.runtimeService.createProcessInstanceQuery()
			.processInstanceBusinessKey(businessKey.toString())
			.list()
			.stream()
			.map(ProcessInstance::getId)
			.toList();
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

	protected WebTestClient http() {
		// the first request after the shared context starts can take longer than the
		// default 5 s on a two-core machine
		return WebTestClient.bindToServer()
			.baseUrl("http://localhost:" + this.port)
			.responseTimeout(Duration.ofSeconds(30))
			.build();
	}

	/** A GraphQL client without a token. */
	protected HttpGraphQlTester anonymous() {
		return HttpGraphQlTester.create(http().mutate().baseUrl("http://localhost:" + this.port + "/graphql").build());
	}

	protected HttpGraphQlTester as(Account account) {
		return anonymous().mutate().header("Authorization", "Bearer " + account.token()).build();
	}

	/** Signs a new member up through the API, with a unique e-mail address. */
	protected Account signUp(String firstName, String lastName, String... roles) {
		return signUpWith(firstName, lastName, "DE", "Europe/Vienna", roles);
	}

	/** Signs up a member who reads {@code language} and lives in {@code timeZone}. */
	protected Account signUpWith(String firstName, String lastName, String language, String timeZone, String... roles) {
		String email = firstName.toLowerCase() + "." + UUID.randomUUID() + "@alma.test";
		Map<String, Object> input = Map.of("email", email, "password", PASSWORD, "firstName", firstName, "lastName",
				lastName, "roles", roles, "language", language, "timeZone", timeZone);
		var response = anonymous().document("""
				mutation($input: SignUpInput!) { signUp(input: $input) { token me { id } } }""")
			.variable("input", input)
			.execute();
		String token = response.path("signUp.token").entity(String.class).get();
		String id = response.path("signUp.me.id").entity(String.class).get();
		return new Account(UUID.fromString(id), email, token);
	}

	/**
	 * The configured admin ({@code admin@alma.test}, application-test.yml), signed in;
	 * signed up by the first test that needs it.
	 */
	protected Account admin() {
		String email = "admin@alma.test";
		anonymous().document("mutation($input: SignUpInput!) { signUp(input: $input) { token } }")
			.variable("input",
					Map.of("email", email, "password", PASSWORD, "firstName", "Ada", "lastName", "Admin", "roles",
							List.of("MENTOR")))
			.execute();
		Account admin = signIn(new Account(null, email, null));
		String id = as(admin).document("{ me { id } }").execute().path("me.id").entity(String.class).get();
		return new Account(UUID.fromString(id), email, admin.token());
	}

	/** Signs the member in again: a fresh token at the test clock's time. */
	protected Account signIn(Account account) {
		String token = anonymous()
			.document("mutation($e: String!, $p: String!) { signIn(input: {email: $e, password: $p}) { token } }")
			.variable("e", account.email())
			.variable("p", PASSWORD)
			.execute()
			.path("signIn.token")
			.entity(String.class)
			.get();
		return new Account(account.id(), account.email(), token);
	}

	/** The mentee asks the mentor for a mentorship; returns its id. */
	protected UUID requested(Account mentee, Account mentor) {
		return UUID.fromString(as(mentee)
			.document("mutation($id: ID!) { requestMentorship(input: {mentorId: $id}) { mentorship { id } } }")
			.variable("id", mentor.id())
			.execute()
			.path("requestMentorship.mentorship.id")
			.entity(String.class)
			.get());
	}

	/**
	 * A request the mentor accepted (its mails sent): the mentee now writes the
	 * agreement.
	 */
	protected UUID accepted(Account mentee, Account mentor) {
		UUID id = requested(mentee, mentor);
		as(mentor).document(
				"mutation($id: ID!) { acceptMentorshipRequest(input: {mentorshipId: $id}) { mentorship { status } } }")
			.variable("id", id)
			.execute()
			.path("acceptMentorshipRequest.mentorship.status")
			.entity(String.class)
			.isEqualTo("ACCEPTED");
		runJobs(id);
		return id;
	}

	/**
	 * An accepted mentorship whose first agreement (6 meetings in 2027) the mentor
	 * approved: ACTIVE.
	 */
	protected UUID active(Account mentee, Account mentor) {
		UUID id = accepted(mentee, mentor);
		Map<String, Object> terms = new java.util.HashMap<>();
		terms.put("mentorshipId", id);
		terms.put("periodStart", "2027-01-01");
		terms.put("periodEnd", "2027-12-31");
		terms.put("meetingCount", 6);
		terms.put("contactKinds", List.of("VIDEO"));
		terms.put("contactFrequency", "monthly");
		as(mentee)
			.document(
					"mutation($input: SaveAgreementInput!) { saveAgreement(input: $input) { agreement { version } } }")
			.variable("input", terms)
			.execute()
			.path("saveAgreement.agreement.version")
			.entity(Integer.class)
			.isEqualTo(1);
		as(mentee)
			.document("mutation($id: ID!) { submitAgreement(input: {mentorshipId: $id}) { agreement { status } } }")
			.variable("id", id)
			.execute()
			.path("submitAgreement.agreement.status")
			.entity(String.class)
			.isEqualTo("SUBMITTED");
		as(mentor).document(
				"mutation($id: ID!) { approveAgreement(input: {mentorshipId: $id, version: 1}) { mentorship { status } } }")
			.variable("id", id)
			.execute()
			.path("approveAgreement.mentorship.status")
			.entity(String.class)
			.isEqualTo("ACTIVE");
		runJobs(id);
		return id;
	}

	/** A member as the tests know them: id, e-mail and a bearer token. */
	public record Account(UUID id, String email, String token) {
	}

}
