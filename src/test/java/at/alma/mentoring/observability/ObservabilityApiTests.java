package at.alma.mentoring.observability;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import at.alma.mentoring.ApiTest;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What an operator sees: {@code /actuator/prometheus} for the operator account only, with
 * GraphQL timings by root field, job executions and the business gauges moving with a
 * mentorship's lifecycle (deltas: the context is shared); job log lines carrying the
 * mentorship and a trace id; health that shows SMTP without depending on it.
 */
class ObservabilityApiTests extends ApiTest {

	static final String OPERATOR = "operator";

	static final String OPERATOR_PASSWORD = "operator-dev-password";

	@Test
	void prometheusAnswersTheOperatorOnly() {
		http().get().uri("/actuator/prometheus").exchange().expectStatus().isUnauthorized();
		http().get()
			.uri("/actuator/prometheus")
			.headers((h) -> h.setBasicAuth(OPERATOR, "wrong password"))
			.exchange()
			.expectStatus()
			.isUnauthorized();
		Account member = signUp("Mira", "Metrik", "MENTEE");
		http().get()
			.uri("/actuator/prometheus")
			.headers((h) -> h.setBearerAuth(member.token()))
			.exchange()
			.expectStatus()
			.isUnauthorized();
		assertThat(scrape()).contains("jvm_memory_used_bytes", "hikaricp_connections_active",
				"http_server_requests_seconds_count");
	}

	@Test
	void aLifecycleMovesTimingsJobsAndGauges() {
		this.clock.setTo(Instant.parse("2027-03-01T08:00:00Z"));
		Account mentee = signUp("Lena", "Lauf", "MENTEE");
		Account mentor = signUp("Max", "Messer", "MENTOR");
		Map<String, Double> start = metrics();
		UUID mentorship = active(mentee, mentor);
		Map<String, Double> active = metrics();
		assertThat(delta(start, active, "graphql_request_seconds_count", "graphql_root_field=\"requestMentorship\"",
				"graphql_outcome=\"SUCCESS\""))
			.isEqualTo(1);
		assertThat(delta(start, active, "graphql_request_seconds_count", "graphql_root_field=\"approveAgreement\"",
				"graphql_outcome=\"SUCCESS\""))
			.isEqualTo(1);
		assertThat(delta(start, active, "mentoring_mentorships", "status=\"ACTIVE\"")).isEqualTo(1);

		// the closure: a task for the mentor, mails waiting until their jobs run
		this.scenarios.closure(mentee, "proposeClosure", mentorship);
		Map<String, Double> proposed = metrics();
		assertThat(delta(active, proposed, "mentoring_tasks_open", "kind=\"CONFIRM_CLOSURE\"")).isEqualTo(1);
		assertThat(delta(active, proposed, "mentoring_mails_waiting")).isPositive();
		int executed = runJobsCounting(mentorship);
		this.scenarios.closure(mentor, "confirmClosure", mentorship);
		executed += runJobsCounting(mentorship);
		Map<String, Double> completed = metrics();
		assertThat(delta(proposed, completed, "graphql_request_seconds_count", "graphql_root_field=\"confirmClosure\"",
				"graphql_outcome=\"SUCCESS\""))
			.isEqualTo(1);
		assertThat(delta(active, completed, "mentoring_mentorships", "status=\"ACTIVE\"")).isEqualTo(-1);
		assertThat(delta(active, completed, "mentoring_mentorships", "status=\"COMPLETED\"")).isEqualTo(1);
		assertThat(delta(active, completed, "mentoring_tasks_open", "kind=\"CONFIRM_CLOSURE\"")).isZero();
		assertThat(delta(active, completed, "mentoring_mails_waiting")).isZero();
		assertThat(executed).isPositive();
		assertThat(delta(active, completed, "camunda_job_execution_seconds_count", "error=\"none\""))
			.isEqualTo(executed);
	}

	@Test
	void aMailThatFailsEveryRetryIsAnIncidentAndAFailedMail() {
		Account mentee = signUp("Nora", "Netz", "MENTEE");
		Account mentor = signUp("Otto", "Offline", "MENTOR");
		Map<String, Double> before = metrics();
		mail.stop();
		UUID mentorship = requested(mentee, mentor);
		int attempts = runJobsCounting(mentorship);
		Map<String, Double> failed = metrics();
		mail.start();
		assertThat(attempts).isPositive();
		assertThat(delta(before, failed, "camunda_job_execution_seconds_count", "error=\"MailSendException\""))
			.isEqualTo(attempts);
		double incidents = delta(before, failed, "mentoring_incidents_open", "process=\"mail-delivery\"");
		assertThat(incidents).isPositive();
		assertThat(delta(before, failed, "mentoring_mails_failed")).isEqualTo(incidents);
		// retried as an operator would in Cockpit: the incidents go, the mails arrive
		for (Job job : jobs(mentorship)) {
			this.managementService.setJobRetries(job.getId(), 1);
		}
		runJobs(mentorship);
		Map<String, Double> retried = metrics();
		assertThat(delta(before, retried, "mentoring_mails_failed")).isZero();
		assertThat(mail.to(mentor.email())).isNotEmpty();
	}

	@Test
	void signInRefusalsAndIdempotencyReplaysAreCounted() {
		Account member = signUp("Tara", "Takt", "MENTEE");
		Map<String, Double> before = metrics();
		int refused = 0;
		for (int attempt = 0; attempt < 8; attempt++) {
			GraphQlTester.Response response = anonymous().document(
					"mutation($e: String!) { signIn(input: {email: $e, password: \"not the password\"}) { token } }")
				.variable("e", member.email())
				.execute();
			boolean tooMany = response.returnResponse()
				.getErrors()
				.stream()
				.anyMatch((error) -> "TOO_MANY_SIGN_IN_ATTEMPTS".equals(error.getExtensions().get("code")));
			refused += tooMany ? 1 : 0;
		}
		String key = UUID.randomUUID().toString();
		for (int i = 0; i < 2; i++) {
			http().post()
				.uri("/graphql")
				.contentType(MediaType.APPLICATION_JSON)
				.header("Authorization", "Bearer " + member.token())
				.header("Idempotency-Key", key)
				.bodyValue(Map.of("query", "mutation { updateProfile(input: {bio: \"Counted once\"}) { me { id } } }"))
				.exchange()
				.expectStatus()
				.isOk();
		}
		Map<String, Double> after = metrics();
		assertThat(refused).isPositive();
		assertThat(delta(before, after, "mentoring_sign_in_refusals_total")).isEqualTo(refused);
		assertThat(delta(before, after, "mentoring_idempotency_replays_total")).isEqualTo(1);
	}

	@Test
	void aJobsLogLinesCarryTheMentorshipAndATraceId() {
		// signed up (their verification mails sent) before the lines are listened to
		Account mentee = signUp("Paula", "Protokoll", "MENTEE");
		Account mentor = signUp("Quirin", "Quelle", "MENTOR");
		Logger mailer = (Logger) LoggerFactory.getLogger("at.alma.mentoring.notification.Mailer");
		Level level = mailer.getLevel();
		ListAppender<ILoggingEvent> lines = new ListAppender<>();
		lines.start();
		mailer.addAppender(lines);
		mailer.setLevel(Level.DEBUG);
		UUID mentorship = requested(mentee, mentor);
		try {
			runJobs(mentorship);
		}
		finally {
			mailer.setLevel(level);
			mailer.detachAppender(lines);
		}
		List<Map<String, String>> contexts = lines.list.stream()
			.filter((line) -> line.getFormattedMessage().startsWith("Mail "))
			.map(ILoggingEvent::getMDCPropertyMap)
			.toList();
		assertThat(contexts).isNotEmpty().allSatisfy((mdc) -> {
			assertThat(mdc.get("businessKey")).isEqualTo(mentorship.toString());
			assertThat(mdc.get("processInstanceId")).isNotBlank();
			assertThat(mdc.get("traceId")).matches("[0-9a-f]{32}");
		});
	}

	@Test
	void aGraphQlRequestsLogLinesCarryTheRootFieldTheMentorshipAndATraceId() {
		Account mentee = signUp("Rosa", "Rahmen", "MENTEE");
		UUID mentorship = requested(mentee, signUp("Sven", "Spur", "MENTOR"));
		// Hibernate's statements are lines written while the root field runs
		Logger sql = (Logger) LoggerFactory.getLogger("org.hibernate.SQL");
		Level level = sql.getLevel();
		ListAppender<ILoggingEvent> lines = new ListAppender<>();
		lines.start();
		sql.addAppender(lines);
		sql.setLevel(Level.DEBUG);
		try {
			as(mentee).document("query($id: ID!) { mentorship(id: $id) { status } }")
				.variable("id", mentorship)
				.execute()
				.path("mentorship.status")
				.entity(String.class)
				.isEqualTo("REQUESTED");
		}
		finally {
			sql.setLevel(level);
			sql.detachAppender(lines);
		}
		assertThat(lines.list).isNotEmpty().allSatisfy((line) -> {
			Map<String, String> mdc = line.getMDCPropertyMap();
			assertThat(mdc).containsEntry("graphqlField", "mentorship")
				.containsEntry("mentorshipId", mentorship.toString());
			assertThat(mdc.get("traceId")).matches("[0-9a-f]{32}");
		});
	}

	@Test
	void healthShowsSmtpButAnUnreachableServerLeavesTheStatusAlone() {
		http().get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
		Map<String, Object> readiness = health("/actuator/health/readiness");
		// and jobExecutor, which the tests do not run (application-test.yml; .ci/smoke
		// checks it)
		assertThat(components(readiness)).containsKeys("db", "readinessState").doesNotContainKey("mail");
		assertThat(status(components(readiness).get("db"))).isEqualTo("UP");
		// anonymous callers see the status only
		assertThat(
				http().get().uri("/actuator/health").exchange().returnResult(Map.class).getResponseBody().blockFirst())
			.containsKey("status")
			.doesNotContainKey("components");
		mail.stop();
		try {
			await().atMost(Duration.ofSeconds(20))
				.untilAsserted(() -> assertThat(status(components(health("/actuator/health")).get("mail")))
					.isEqualTo("DEGRADED"));
			long started = System.nanoTime();
			http().get().uri("/actuator/health").exchange().expectStatus().isOk();
			http().get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
			assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
			assertThat(health("/actuator/health")).containsEntry("status", "UP");
		}
		finally {
			mail.start();
		}
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(
					() -> assertThat(status(components(health("/actuator/health")).get("mail"))).isEqualTo("UP"));
	}

	// --- helpers
	// ---------------------------------------------------------------------------------------------------

	/** Like runJobs, counting the executions (failed ones too). */
	private int runJobsCounting(UUID businessKey) {
		int executed = 0;
		for (int round = 0; round < 50; round++) {
			List<Job> due = dueJobs(businessKey);
			if (due.isEmpty()) {
				return executed;
			}
			for (Job job : due) {
				executed++;
				try {
					this.managementService.executeJob(job.getId());
				}
				catch (RuntimeException ex) {
					// recorded on the job (retries, incident)
				}
			}
		}
		throw new IllegalStateException("Jobs of " + businessKey + " keep coming");
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> health(String path) {
		return http().get()
			.uri(path)
			.headers((h) -> h.setBasicAuth(OPERATOR, OPERATOR_PASSWORD))
			.exchange()
			.returnResult(Map.class)
			.getResponseBody()
			.blockFirst();
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> components(Map<String, Object> health) {
		return (Map<String, Object>) health.get("components");
	}

	@SuppressWarnings("unchecked")
	private static String status(Object component) {
		return (component == null) ? null : (String) ((Map<String, Object>) component).get("status");
	}

	private String scrape() {
		return http().mutate()
			.codecs((codecs) -> codecs.defaultCodecs().maxInMemorySize(16 * 1024 * 1024))
			.build()
			.get()
			.uri("/actuator/prometheus")
			.headers((h) -> h.setBasicAuth(OPERATOR, OPERATOR_PASSWORD))
			.accept(MediaType.TEXT_PLAIN)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
	}

	private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{[^}]*\\})? (\\S+)$",
			Pattern.MULTILINE);

	/** Every sample of a scrape: {@code name{labels}} to value. */
	private Map<String, Double> metrics() {
		Map<String, Double> samples = new HashMap<>();
		Matcher matcher = SAMPLE.matcher(scrape());
		while (matcher.find()) {
			samples.put(matcher.group(1) + ((matcher.group(2) != null) ? matcher.group(2) : ""),
					Double.parseDouble(matcher.group(3)));
		}
		return samples;
	}

	/**
	 * The change of the sum of the samples of {@code name} whose labels contain all of
	 * {@code labels}.
	 */
	private static double delta(Map<String, Double> before, Map<String, Double> after, String name, String... labels) {
		return sum(after, name, labels) - sum(before, name, labels);
	}

	private static double sum(Map<String, Double> samples, String name, String... labels) {
		return samples.entrySet().stream().filter((sample) -> {
			String key = sample.getKey();
			if (!key.equals(name) && !key.startsWith(name + "{")) {
				return false;
			}
			for (String label : labels) {
				if (!key.contains(label)) {
					return false;
				}
			}
			return true;
		}).mapToDouble(Map.Entry::getValue).sum();
	}

}
