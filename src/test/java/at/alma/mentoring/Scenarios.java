package at.alma.mentoring;

import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;

import at.alma.mentoring.ApiTest.Account;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;

import org.springframework.core.env.Environment;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.util.UriComponentsBuilder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The situations API tests start from, brought about through the API as members would: a
 * member signed up, a mentorship requested, accepted or active, an agreement saved and
 * decided, a meeting proposed, scheduled, past or held, a chat message sent. One bean of
 * the shared test context ({@link TestConfig}); a test uses it by composition
 * ({@code @Autowired Scenarios scenarios}) whatever module it tests, instead of
 * inheriting the steps from a base class per module.
 * <p>
 * The GraphQL documents are files in {@code src/test/resources/graphql-test} (see
 * {@link TestDocuments}); the steps that only set a scene ask for no more than they need
 * ({@code graphql-test/scenarios/}), so the statements they cost stay as they were.
 */
public class Scenarios {

	public static final String PASSWORD = "correct horse battery";

	private static final Pattern VERIFY_LINK = Pattern.compile("(https?://\\S+/verify-email\\?\\S+)");

	private final Environment environment;

	private final ManagementService managementService;

	private final RuntimeService runtimeService;

	private final JdbcTemplate jdbc;

	private final TestClock clock;

	Scenarios(Environment environment, ManagementService managementService, RuntimeService runtimeService,
			JdbcTemplate jdbc, TestClock clock) {
		this.environment = environment;
		this.managementService = managementService;
		this.runtimeService = runtimeService;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	// Clients

	public WebTestClient http() {
		// the first request after the shared context starts can take longer than the
		// default 5 s on a two-core machine
		return WebTestClient.bindToServer().baseUrl(baseUrl()).responseTimeout(Duration.ofSeconds(30)).build();
	}

	/** A GraphQL client without a token. */
	public HttpGraphQlTester anonymous() {
		return HttpGraphQlTester.builder(http().mutate().baseUrl(graphQlUrl()))
			.documentSource(new TestDocuments())
			.build();
	}

	public HttpGraphQlTester as(Account account) {
		return anonymous().mutate().header("Authorization", "Bearer " + account.token()).build();
	}

	/** The server of the shared context, on the random port it started with. */
	private String baseUrl() {
		return "http://localhost:" + this.environment.getRequiredProperty("local.server.port");
	}

	private String graphQlUrl() {
		return baseUrl() + "/graphql";
	}

	// The engine

	/**
	 * Executes the due jobs (async steps, timers whose time has come on the test clock)
	 * of the processes of one business object, again and again until none is left. A
	 * failing job loses a retry, as with the job executor.
	 */
	public void runJobs(UUID businessKey) {
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

	public List<Job> dueJobs(UUID businessKey) {
		return processInstanceIds(businessKey).stream()
			.flatMap((id) -> this.managementService.createJobQuery().processInstanceId(id).executable().list().stream())
			.toList();
	}

	public List<String> processInstanceIds(UUID businessKey) {
		return this.runtimeService.createProcessInstanceQuery()
			.processInstanceBusinessKey(businessKey.toString())
			.list()
			.stream()
			.map(ProcessInstance::getId)
			.toList();
	}

	// Members

	/** Signs a new member up through the API, with a unique e-mail address. */
	public Account signUp(String firstName, String lastName, String... roles) {
		return signUpWith(firstName, lastName, "DE", "Europe/Vienna", roles);
	}

	/** Signs up a member who reads {@code language} and lives in {@code timeZone}. */
	public Account signUpWith(String firstName, String lastName, String language, String timeZone, String... roles) {
		// ASCII: an address beyond ASCII is refused (EMAIL_NOT_ASCII)
		String email = firstName.toLowerCase().replaceAll("[^a-z0-9]", "x") + "." + UUID.randomUUID() + "@alma.test";
		Map<String, Object> input = Map.of("email", email, "password", PASSWORD, "firstName", firstName, "lastName",
				lastName, "roles", roles, "language", language, "timeZone", timeZone);
		var response = anonymous().documentName("signUp").variable("input", input).execute();
		String token = response.path("signUp.token").entity(String.class).get();
		String id = response.path("signUp.me.id").entity(String.class).get();
		Account account = new Account(UUID.fromString(id), email, token);
		verifyEmail(account);
		return account;
	}

	/**
	 * Signs a member up without following the verification link: the mail waits in its
	 * job, unsent.
	 */
	public Account signUpUnverified(String firstName, String lastName, String... roles) {
		String email = firstName.toLowerCase() + "." + UUID.randomUUID() + "@alma.test";
		Map<String, Object> input = Map.of("email", email, "password", PASSWORD, "firstName", firstName, "lastName",
				lastName, "roles", roles, "language", "EN", "timeZone", "Europe/Vienna");
		var response = anonymous().documentName("signUp").variable("input", input).execute();
		return new Account(UUID.fromString(response.path("signUp.me.id").entity(String.class).get()), email,
				response.path("signUp.token").entity(String.class).get());
	}

	/**
	 * Sends the member's verification mail (its job) and follows the link in it, as the
	 * member would; the mail is taken off the test mail server.
	 */
	public void verifyEmail(Account account) {
		runJobs(account.id());
		String token = verificationToken(ApiTest.mail.take(account.email()));
		anonymous().documentName("verifyEmail")
			.variable("token", token)
			.execute()
			.path("verifyEmail.verified")
			.entity(Boolean.class)
			.isEqualTo(true);
	}

	/**
	 * Moves the member to {@code newEmail} as they would: {@code changeEmail}, then the
	 * link mailed to the new address; returns the member with the new address, signed in.
	 */
	public Account changedEmail(Account member, String newEmail) {
		as(signIn(member))
			.document("mutation($e: String!, $p: String!) { changeEmail(input: {newEmail: $e, password: $p})"
					+ " { me { pendingEmail } } }")
			.variable("e", newEmail)
			.variable("p", PASSWORD)
			.execute()
			.errors()
			.verify();
		verifyEmail(new Account(member.id(), newEmail, null));
		return signIn(new Account(member.id(), newEmail, null));
	}

	/** The token of the verification link in the last of these mails. */
	public static String verificationToken(List<MimeMessage> mails) {
		if (mails.isEmpty()) {
			throw new AssertionError("No verification mail");
		}
		Matcher link = VERIFY_LINK.matcher(TestMailServer.text(mails.get(mails.size() - 1)));
		if (!link.find()) {
			throw new AssertionError("No verification link in the mail");
		}
		return UriComponentsBuilder.fromUriString(link.group(1)).build().getQueryParams().getFirst("token");
	}

	/**
	 * The configured admin ({@code admin@alma.test}, application-test.yml), signed in;
	 * signed up by the first test that needs it.
	 */
	public Account admin() {
		String email = "admin@alma.test";
		var signedUp = anonymous().documentName("signUp")
			.variable("input",
					Map.of("email", email, "password", PASSWORD, "firstName", "Ada", "lastName", "Admin", "roles",
							List.of("MENTOR")))
			.execute();
		signedUp.errors().satisfy((errors) -> {
			if (errors.isEmpty()) {
				// the first time: ADMIN comes only with the verified address
				String id = signedUp.path("signUp.me.id").entity(String.class).get();
				verifyEmail(new Account(UUID.fromString(id), email, null));
			}
		});
		Account admin = signIn(new Account(null, email, null));
		String id = as(admin).documentName("me").execute().path("me.id").entity(String.class).get();
		return new Account(UUID.fromString(id), email, admin.token());
	}

	/** Signs the member in again: a fresh token at the test clock's time. */
	public Account signIn(Account account) {
		String token = anonymous().documentName("signIn")
			.variable("e", account.email())
			.variable("p", PASSWORD)
			.execute()
			.path("signIn.token")
			.entity(String.class)
			.get();
		return new Account(account.id(), account.email(), token);
	}

	// Mentorships

	/** The mentee asks the mentor for a mentorship, without a message; returns its id. */
	public UUID requested(Account mentee, Account mentor) {
		return UUID.fromString(as(mentee).documentName("scenarios/requestMentorship")
			.variable("id", mentor.id())
			.execute()
			.path("requestMentorship.mentorship.id")
			.entity(String.class)
			.get());
	}

	/** The mentee asks the mentor with a message ("Please mentor me"); returns its id. */
	public UUID requestedWithMessage(Account mentee, Account mentor) {
		return UUID.fromString(request(mentee, mentor, "Please mentor me").path("requestMentorship.mentorship.id")
			.entity(String.class)
			.get());
	}

	/**
	 * A request the mentor accepted (its mails sent): the mentee now writes the
	 * agreement.
	 */
	public UUID accepted(Account mentee, Account mentor) {
		UUID id = requested(mentee, mentor);
		as(mentor).documentName("scenarios/acceptMentorshipRequest")
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
	public UUID active(Account mentee, Account mentor) {
		UUID id = accepted(mentee, mentor);
		Map<String, Object> terms = new HashMap<>();
		terms.put("mentorshipId", id);
		terms.put("periodStart", "2027-01-01");
		terms.put("periodEnd", "2027-12-31");
		terms.put("meetingCount", 6);
		terms.put("contactKinds", List.of("VIDEO"));
		terms.put("contactFrequency", "monthly");
		as(mentee).documentName("scenarios/saveAgreement")
			.variable("input", terms)
			.execute()
			.path("saveAgreement.agreement.version")
			.entity(Integer.class)
			.isEqualTo(1);
		as(mentee).documentName("scenarios/submitAgreement")
			.variable("id", id)
			.execute()
			.path("submitAgreement.agreement.status")
			.entity(String.class)
			.isEqualTo("SUBMITTED");
		as(mentor).documentName("scenarios/approveAgreement")
			.variable("id", id)
			.execute()
			.path("approveAgreement.mentorship.status")
			.entity(String.class)
			.isEqualTo("ACTIVE");
		runJobs(id);
		return id;
	}

	/** {@code requestMentorship}; the answer carries the mentorship's fields. */
	public GraphQlTester.Response request(Account mentee, Account mentor, String message) {
		return as(mentee).documentName("requestMentorship")
			.variable("input",
					(message == null) ? Map.of("mentorId", mentor.id())
							: Map.of("mentorId", mentor.id(), "message", message))
			.execute();
	}

	/**
	 * A mutation of the mentorship {@code mentorshipId} with nothing else to say
	 * ({@code acceptMentorshipRequest}, {@code withdrawMentorshipRequest}).
	 */
	public GraphQlTester.Response act(Account member, String mutation, UUID mentorshipId) {
		return as(member).documentName(mutation).variable("id", mentorshipId).execute();
	}

	/**
	 * Proposes or confirms the closure of the mentorship ({@code proposeClosure},
	 * {@code confirmClosure}); an error fails the test.
	 */
	public void closure(Account member, String mutation, UUID mentorshipId) {
		as(member).documentName(mutation)
			.variable("input", Map.of("mentorshipId", mentorshipId))
			.execute()
			.errors()
			.verify();
	}

	/** Answers each of the member's open feedback requests: rating 4 and the text. */
	public void answerFeedback(Account member, String text) {
		List<String> open = as(member).document("{ me { feedbackRequests { id answer } } }")
			.execute()
			.path("me.feedbackRequests[*].id")
			.entityList(String.class)
			.get();
		assertThat(open).isNotEmpty();
		for (String id : open) {
			as(member).documentName("submitFeedback")
				.variable("input", Map.of("requestId", id, "rating", 4, "text", text))
				.execute()
				.errors()
				.verify();
		}
	}

	public GraphQlTester.Response decline(Account mentor, UUID mentorshipId, String message) {
		return as(mentor).documentName("declineMentorshipRequest")
			.variable("input",
					(message == null) ? Map.of("mentorshipId", mentorshipId)
							: Map.of("mentorshipId", mentorshipId, "message", message))
			.execute();
	}

	// Agreements

	/** Terms of an agreement from mid-January to mid-July 2027, with three topics. */
	public static Map<String, Object> terms(UUID mentorshipId, int meetings) {
		Map<String, Object> input = new HashMap<>();
		input.put("mentorshipId", mentorshipId);
		input.put("periodStart", "2027-01-15");
		input.put("periodEnd", "2027-07-15");
		input.put("meetingCount", meetings);
		input.put("contactKinds", List.of("VIDEO", "IN_PERSON"));
		input.put("contactFrequency", "every two weeks");
		input.put("topics", List.of("Career goals", "Leadership", "Negotiation"));
		return input;
	}

	public GraphQlTester.Response saveAgreement(Account member, Map<String, Object> input) {
		return as(member).documentName("saveAgreement").variable("input", input).execute();
	}

	public GraphQlTester.Response submitAgreement(Account member, UUID mentorshipId) {
		return as(member).documentName("submitAgreement").variable("id", mentorshipId).execute();
	}

	/** {@code approveAgreement} or {@code requestAgreementChanges}. */
	public GraphQlTester.Response decideAgreement(Account member, String mutation, UUID mentorshipId, int version,
			String comment) {
		Map<String, Object> input = new HashMap<>();
		input.put("mentorshipId", mentorshipId);
		input.put("version", version);
		if (comment != null) {
			input.put("comment", comment);
		}
		return as(member).documentName(mutation).variable("input", input).execute();
	}

	// Meetings

	/** A proposed time: an hour by video. */
	public static Map<String, Object> slot(String start) {
		return Map.of("start", start, "durationMinutes", 60, "kind", "VIDEO", "link", "https://meet.example.org/alma");
	}

	public GraphQlTester.Response propose(Account member, UUID mentorshipId, boolean finalMeeting, Object... slots) {
		return meetingMutation(member, "proposeMeeting",
				Map.of("mentorshipId", mentorshipId, "slots", List.of(slots), "finalMeeting", finalMeeting));
	}

	/** A meeting the mentee proposed; returns its id. */
	public UUID proposed(Account mentee, UUID mentorshipId, Object... slots) {
		return UUID.fromString(propose(mentee, mentorshipId, false, slots).path("proposeMeeting.meeting.id")
			.entity(String.class)
			.get());
	}

	/**
	 * A meeting mutation ({@code scheduleMeeting}, {@code declineMeeting},
	 * {@code rescheduleMeeting}, {@code cancelMeeting}, {@code confirmMeetingHeld}); the
	 * answer carries the meeting's fields.
	 */
	public GraphQlTester.Response meetingMutation(Account member, String mutation, Map<String, Object> input) {
		return as(member).documentName(mutation).variable("input", input).execute();
	}

	public GraphQlTester.Response schedule(Account mentor, UUID meetingId, int slot) {
		return meetingMutation(mentor, "scheduleMeeting", Map.of("meetingId", meetingId, "slot", slot));
	}

	public GraphQlTester.Response confirm(Account member, UUID meetingId) {
		return meetingMutation(member, "confirmMeetingHeld", Map.of("meetingId", meetingId));
	}

	/**
	 * A meeting the mentor scheduled for 10 March 2027, 10:00 UTC; the clock is past it
	 * and the mentorship's due jobs ran.
	 */
	public UUID meetingAfterItsTime(Account mentee, Account mentor, UUID mentorship) {
		UUID meeting = UUID.fromString(as(mentee).documentName("scenarios/proposeMeeting")
			.variable("input", Map.of("mentorshipId", mentorship, "slots", List.of(slot("2027-03-10T10:00Z"))))
			.execute()
			.path("proposeMeeting.meeting.id")
			.entity(String.class)
			.get());
		as(mentor).documentName("scenarios/scheduleMeeting")
			.variable("id", meeting)
			.execute()
			.path("scheduleMeeting.meeting.status")
			.entity(String.class)
			.isEqualTo("SCHEDULED");
		this.clock.setTo(Instant.parse("2027-03-10T11:00:00Z"));
		runJobs(mentorship);
		return meeting;
	}

	/** Both confirmed the meeting, each freshly signed in: HELD. */
	public void held(Account mentee, Account mentor, UUID meeting) {
		confirm(signIn(mentee), meeting);
		confirm(signIn(mentor), meeting);
	}

	/** The iCalendar attachment of a mail, parsed back with ical4j. */
	public static Calendar calendarOf(MimeMessage message) throws Exception {
		String ics = TestMailServer.part(message, "text/calendar");
		return new CalendarBuilder().build(new StringReader(ics));
	}

	// Chat

	public GraphQlTester.Response send(Account member, UUID mentorshipId, String text) {
		return as(member).documentName("sendMessage")
			.variable("input", Map.of("mentorshipId", mentorshipId, "text", text))
			.execute();
	}

	/** A message sent; returns its id. */
	public String sendOk(Account member, UUID mentorshipId, String text) {
		return send(member, mentorshipId, text).path("sendMessage.message.id").entity(String.class).get();
	}

	public int unreadCount(Account member, UUID mentorshipId) {
		return as(member).documentName("unreadCount")
			.variable("id", mentorshipId)
			.execute()
			.path("mentorship.unreadCount")
			.entity(Integer.class)
			.get();
	}

	// Wiki and achievements

	/** An article the member wrote; returns its id. */
	public UUID article(Account author, String title) {
		return UUID.fromString(as(author).documentName("createArticle")
			.variable("t", title)
			.execute()
			.path("createArticle.article.id")
			.entity(String.class)
			.get());
	}

	/** Rows of the member's achievements of {@code kind}, straight from the table. */
	public long achievements(Account member, String kind) {
		return this.jdbc.queryForObject("select count(*) from achievements where member_id = ? and kind = ?",
				Long.class, member.id().toString(), kind);
	}

	public long achievements(Account member, String kind, UUID source) {
		return this.jdbc.queryForObject(
				"select count(*) from achievements where member_id = ? and kind = ? and source_id = ?", Long.class,
				member.id().toString(), kind, source.toString());
	}

}
