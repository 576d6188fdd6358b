package at.alma.mentoring.privacy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import at.alma.mentoring.ApiTest;
import at.alma.mentoring.platform.ClusterJob;
import at.alma.mentoring.platform.ClusterJobs;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The retention jobs (docs/privacy.md, "How long") with the default periods, on data made
 * through the API: three mentorships with a chat message, an answered feedback request
 * and mails each — one ended long ago, one running, one ended recently. Each job removes
 * what is past its period, counted from the end of the mentorship, and keeps the rest.
 */
class RetentionTests extends ApiTest {

	/** The first day of the three mentorships. */
	private static final Instant START = Instant.parse("2027-01-04T09:00:00Z");

	/** The long-ended mentorship ends 40 days in. */
	private static final Instant OLD_END = START.plus(Duration.ofDays(40));

	/** The recently ended one ends 340 days in. */
	private static final Instant RECENT_END = START.plus(Duration.ofDays(340));

	@Autowired
	Map<String, ClusterJob> jobs;

	@Autowired
	ClusterJobs clusterJobs;

	@Autowired
	HistoryService historyService;

	@Test
	void chatMessagesGoAYearAfterTheirMentorshipEnded() {
		Pairs pairs = threeMentorships();

		this.clock.setTo(OLD_END.plus(Duration.ofDays(364)));
		assertThat(job("chatRetention").run()).isPresent();
		assertThat(messages(pairs.ended())).isEqualTo(1);

		this.clock.setTo(OLD_END.plus(Duration.ofDays(366)));
		assertThat(job("chatRetention").run().orElseThrow()).isPositive();
		assertThat(messages(pairs.ended())).isZero();
		assertThat(messages(pairs.running())).isEqualTo(1);
		assertThat(messages(pairs.recent())).isEqualTo(1);
		// the conversation stays, empty
		assertThat(this.jdbc.queryForObject("select count(*) from conversations where mentorship_id = ?", Long.class,
				pairs.ended().toString()))
			.isEqualTo(1);
		assertThat(job("chatRetention").run()).hasValue(0);
	}

	@Test
	void feedbackAnswersGoTwoYearsAfterTheEndAndTheStatisticsStayAsTheyWere() {
		Pairs pairs = threeMentorships();
		Account admin = admin();
		String statistics = "{ programStatistics(from: \"2027-01-01\", to: \"2027-12-31\") "
				+ "{ feedback { occasion requested answered averageRating } } }";

		this.clock.setTo(OLD_END.plus(Duration.ofDays(365 + 364)));
		job("feedbackRetention").run();
		assertThat(answer(pairs.ended())).isEqualTo("Helpful, Ended");

		this.clock.setTo(OLD_END.plus(Duration.ofDays(365 + 367)));
		admin = signIn(admin);
		Object before = as(admin).document(statistics).execute().path("programStatistics").entity(Map.class).get();
		assertThat(job("feedbackRetention").run().orElseThrow()).isPositive();
		assertThat(answer(pairs.ended())).isNull();
		assertThat(this.jdbc.queryForObject(
				"select rating from feedback_requests where mentorship_id = ? and answered_at is not null",
				Integer.class, pairs.ended().toString()))
			.isEqualTo(4);
		assertThat(answer(pairs.running())).isEqualTo("Helpful, Running");
		assertThat(answer(pairs.recent())).isEqualTo("Helpful, Recent");
		Object after = as(admin).document(statistics).execute().path("programStatistics").entity(Map.class).get();
		assertThat(after).isEqualTo(before);
	}

	@Test
	void theMailLogGoesAYearAfterEachMail() {
		Pairs pairs = threeMentorships();
		Instant now = START.plus(Duration.ofDays(365 + 20));
		this.clock.setTo(now);
		LocalDateTime cutoff = LocalDateTime.ofInstant(START.plus(Duration.ofDays(20)), ZoneOffset.UTC);
		assertThat(mails(pairs.endedMentee(), "<", cutoff)).isPositive();
		long later = mails(pairs.endedMentee(), ">=", cutoff);
		assertThat(later).isPositive();

		assertThat(job("sentMailRetention").run().orElseThrow()).isPositive();
		assertThat(mails(pairs.endedMentee(), "<", cutoff)).isZero();
		assertThat(mails(pairs.endedMentee(), ">=", cutoff)).isEqualTo(later);
		assertThat(mails(pairs.runningMentee(), ">=", cutoff)).isPositive();
	}

	@Test
	void expiredAccountLinksGoAMonthAfterTheirExpiry() {
		this.clock.setTo(START);
		Account old = signUp("Link", "Old" + UUID.randomUUID().toString().substring(0, 6), "MENTEE");
		anonymous().document("mutation($email: String!) { requestPasswordReset(input: {email: $email}) { requested } }")
			.variable("email", old.email())
			.execute()
			.path("requestPasswordReset.requested")
			.entity(Boolean.class)
			.isEqualTo(true);
		assertThat(links(old)).isEqualTo(2);

		// the verification link expires after 48 hours, the reset link after one
		this.clock.setTo(START.plus(Duration.ofDays(31)));
		Account fresh = signUp("Link", "Fresh" + UUID.randomUUID().toString().substring(0, 6), "MENTEE");
		job("accountLinkRetention").run();
		assertThat(links(old)).isEqualTo(1);
		this.clock.setTo(START.plus(Duration.ofDays(33)));
		assertThat(job("accountLinkRetention").run().orElseThrow()).isPositive();
		assertThat(links(old)).isZero();
		assertThat(links(fresh)).isEqualTo(1);
	}

	@Test
	void aJobRunsOnOneNodeAtATime() {
		ClusterJob chat = job("chatRetention");
		// another node holds the job's lock: this node's turn is skipped
		OptionalInt whileHeld = this.clusterJobs.alone("chat-retention",
				() -> CompletableFuture.supplyAsync(chat::run).join().orElse(-1));
		assertThat(whileHeld).hasValue(-1);
		// released at the end of that run: the next turn runs
		assertThat(chat.run()).isPresent();
	}

	@Test
	void camundaHistoryOfEndedMentorshipsGoesAfterItsTimeToLive() {
		Pairs pairs = threeMentorships();
		assertThat(history(pairs.ended())).isPositive();

		this.clock.setTo(OLD_END.plus(Duration.ofDays(181)));
		cleanUpHistory();
		assertThat(history(pairs.ended())).isZero();
		// the lifecycle of a running mentorship, its called instances and mails included
		assertThat(history(pairs.running())).isPositive();
		assertThat(this.historyService.createHistoricProcessInstanceQuery()
			.processInstanceBusinessKey(pairs.running().toString())
			.processDefinitionKey("mentorship-lifecycle")
			.count()).isEqualTo(1);
		assertThat(this.historyService.createHistoricProcessInstanceQuery()
			.processInstanceBusinessKey(pairs.recent().toString())
			.processDefinitionKey("mentorship-lifecycle")
			.count()).isEqualTo(1);
	}

	/** Runs Camunda's history cleanup now, as its nightly job would, until it is done. */
	private void cleanUpHistory() {
		this.historyService.cleanUpHistoryAsync(true);
		for (int round = 0; round < 20; round++) {
			List<Job> due = this.historyService.findHistoryCleanupJobs()
				.stream()
				.filter((job) -> !job.getDuedate().toInstant().isAfter(this.clock.instant()))
				.toList();
			if (due.isEmpty()) {
				return;
			}
			due.forEach((job) -> this.managementService.executeJob(job.getId()));
		}
	}

	private long history(UUID mentorship) {
		return this.historyService.createHistoricProcessInstanceQuery()
			.processInstanceBusinessKey(mentorship.toString())
			.count();
	}

	private long links(Account member) {
		return this.jdbc.queryForObject("""
				select (select count(*) from password_resets where member_id = ?)
				  + (select count(*) from email_verifications where member_id = ?)""", Long.class,
				member.id().toString(), member.id().toString());
	}

	private ClusterJob job(String name) {
		return this.jobs.get(name);
	}

	private long messages(UUID mentorship) {
		return this.jdbc.queryForObject("select count(*) from chat_messages where mentorship_id = ?", Long.class,
				mentorship.toString());
	}

	private String answer(UUID mentorship) {
		return this.jdbc.queryForObject(
				"select answer from feedback_requests where mentorship_id = ? and answered_at is not null",
				String.class, mentorship.toString());
	}

	private long mails(Account member, String comparison, LocalDateTime cutoff) {
		return this.jdbc.queryForObject(
				"select count(*) from sent_mails where recipient = ? and sent_at " + comparison + " ?", Long.class,
				member.email(), cutoff);
	}

	/**
	 * Three active mentorships from {@link #START}, each with a message from the mentee
	 * and the mentee's answer to the inactivity feedback after 31 days; the first ends at
	 * {@link #OLD_END}, the third at {@link #RECENT_END}, the second runs on.
	 */
	private Pairs threeMentorships() {
		this.clock.setTo(START);
		Account[] ended = pair("Ended");
		Account[] running = pair("Running");
		Account[] recent = pair("Recent");
		UUID endedId = active(ended[0], ended[1]);
		UUID runningId = active(running[0], running[1]);
		UUID recentId = active(recent[0], recent[1]);
		this.scenarios.sendOk(ended[0], endedId, "Hello from Ended");
		this.scenarios.sendOk(running[0], runningId, "Hello from Running");
		this.scenarios.sendOk(recent[0], recentId, "Hello from Recent");

		this.clock.setTo(START.plus(Duration.ofDays(31)));
		answerFeedback(ended[0], endedId, "Ended");
		answerFeedback(running[0], runningId, "Running");
		answerFeedback(recent[0], recentId, "Recent");

		this.clock.setTo(OLD_END);
		terminate(ended[0], endedId);
		this.clock.setTo(RECENT_END);
		terminate(recent[0], recentId);
		return new Pairs(endedId, runningId, recentId, ended[0], running[0]);
	}

	private Account[] pair(String name) {
		String tag = name + UUID.randomUUID().toString().substring(0, 6);
		return new Account[] { signUp("Mentee", tag, "MENTEE"), signUp("Mentor", tag, "MENTOR") };
	}

	private void answerFeedback(Account mentee, UUID mentorship, String name) {
		runJobs(mentorship);
		Account signedIn = signIn(mentee);
		String request = as(signedIn).document("{ me { feedbackRequests { id occasion } } }")
			.execute()
			.path("me.feedbackRequests[0].id")
			.entity(String.class)
			.get();
		as(signedIn).documentName("submitFeedback")
			.variable("input", Map.of("requestId", request, "rating", 4, "text", "Helpful, " + name))
			.execute()
			.path("submitFeedback.feedbackRequest.rating")
			.entity(Integer.class)
			.isEqualTo(4);
	}

	private void terminate(Account member, UUID mentorship) {
		as(signIn(member)).documentName("terminateMentorship")
			.variable("input", Map.of("mentorshipId", mentorship, "reason", "Other plans"))
			.execute()
			.path("terminateMentorship.mentorship.status")
			.entity(String.class)
			.isEqualTo("TERMINATED");
		runJobs(mentorship);
	}

	record Pairs(UUID ended, UUID running, UUID recent, Account endedMentee, Account runningMentee) {
	}

}
