package at.alma.mentoring.meeting;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import at.alma.mentoring.ApiTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.graphql.test.tester.GraphQlTester;

import static at.alma.mentoring.Scenarios.slot;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two actions on one meeting at the same moment, 20 times each behind a barrier (run it
 * with -Pmysql too): one wins, the other gets a clear error with a code, the meeting ends
 * in one state, and each side has at most one achievement for it — exactly one if HELD.
 *
 * A cancellation cannot race the mentor's confirmation for real: the mentor confirms only
 * after the mentee, the mentee only once the meeting has begun, and a meeting that has
 * begun cannot be cancelled (the entity refuses, and the process no longer waits for the
 * cancel message once its start timer fired). So they are sent at once after the start
 * (the cancellation must lose), and the race that is real — a cancellation against a move
 * of the same scheduled meeting — is run before it.
 */
class MeetingRaceTests extends ApiTest {

	static final int ROUNDS = 20;

	static final Instant BASE = Instant.parse("2027-03-01T08:00:00Z");

	static final Set<String> CONFLICTS = Set.of("ALREADY_CONFIRMED", "CONCURRENT_CHANGE", "NO_OPEN_TASK", "WRONG_STATE",
			"MEETING_STARTED", "ALREADY_REPORTED");

	private ExecutorService pool;

	private Account mentee;

	private Account mentor;

	private UUID mentorship;

	@BeforeEach
	void acceptedMentorship() {
		this.clock.setTo(BASE);
		this.pool = Executors.newFixedThreadPool(2);
		this.mentee = signUp("Rena", "Rennen", "MENTEE");
		this.mentor = signUp("Rolf", "Rennen", "MENTOR");
		this.mentorship = accepted(this.mentee, this.mentor);
	}

	@AfterEach
	void stopPool() {
		this.pool.shutdownNow();
	}

	@Test
	void theMentorsConfirmationSentTwiceAtOnceHoldsTheMeetingOnceWithOneAchievementEach() throws Exception {
		for (int round = 0; round < ROUNDS; round++) {
			UUID meeting = confirmedByMentee(round);
			Account mentor = signIn(this.mentor);
			List<List<String>> outcomes = race(() -> this.scenarios.confirm(mentor, meeting),
					() -> this.scenarios.confirm(mentor, meeting));

			assertOneWins(outcomes);
			assertThat(status(meeting)).isEqualTo("HELD");
			assertThat(achievements(meeting, this.mentee)).isEqualTo(1);
			assertThat(achievements(meeting, this.mentor)).isEqualTo(1);
		}
	}

	@Test
	void aCancellationSentWithTheMentorsConfirmationAfterTheStartLosesAndTheMeetingIsHeldOnce() throws Exception {
		for (int round = 0; round < ROUNDS; round++) {
			UUID meeting = confirmedByMentee(round);
			Account mentor = signIn(this.mentor);
			Account mentee = signIn(this.mentee);
			List<List<String>> outcomes = race(
					() -> this.scenarios.meetingMutation(mentee, "cancelMeeting",
							Map.of("meetingId", meeting, "reason", "Doch nicht")),
					() -> this.scenarios.confirm(mentor, meeting));

			// refused for the time, or for the state if the confirmation committed first
			assertThat(outcomes.get(0)).singleElement().isIn("MEETING_STARTED", "WRONG_STATE");
			assertThat(outcomes.get(1)).isEmpty();
			assertThat(status(meeting)).isEqualTo("HELD");
			assertThat(achievements(meeting, this.mentee)).isEqualTo(1);
			assertThat(achievements(meeting, this.mentor)).isEqualTo(1);
		}
	}

	@Test
	void aCancellationRacingAMoveOfTheSameMeetingLeavesItInOneStateWithoutAchievements() throws Exception {
		for (int round = 0; round < ROUNDS; round++) {
			Instant start = BASE.plus(Duration.ofDays(30 + round));
			this.clock.setTo(start.minus(Duration.ofDays(2)));
			Account mentee = signIn(this.mentee);
			Account mentor = signIn(this.mentor);
			UUID meeting = this.scenarios.proposed(mentee, this.mentorship, slot(start.toString()));
			this.scenarios.schedule(mentor, meeting, 0)
				.path("scheduleMeeting.meeting.status")
				.entity(String.class)
				.isEqualTo("SCHEDULED");
			String later = start.plus(Duration.ofDays(1)).toString();
			List<List<String>> outcomes = race(
					() -> this.scenarios.meetingMutation(mentee, "cancelMeeting",
							Map.of("meetingId", meeting, "reason", "Krank")),
					() -> this.scenarios.meetingMutation(mentor, "rescheduleMeeting",
							Map.of("meetingId", meeting, "slots", List.of(slot(later)))));

			assertOneWins(outcomes);
			String status = status(meeting);
			assertThat(status).isEqualTo(outcomes.get(0).isEmpty() ? "CANCELLED" : "PROPOSED");
			assertThat(achievements(meeting, this.mentee)).isZero();
			assertThat(achievements(meeting, this.mentor)).isZero();
			runJobs(this.mentorship);
		}
	}

	@Test
	void theMentorsConfirmationRacingTheMenteesReportEndsHeldOrNotHeldNeverBoth() throws Exception {
		for (int round = 0; round < ROUNDS; round++) {
			UUID meeting = confirmedByMentee(round);
			Account mentor = signIn(this.mentor);
			Account mentee = signIn(this.mentee);
			List<List<String>> outcomes = race(() -> this.scenarios.confirm(mentor, meeting), () -> this.scenarios
				.meetingMutation(mentee, "reportMeetingNotHeld", Map.of("meetingId", meeting, "reason", "Doch nicht")));

			assertOneWins(outcomes);
			String status = status(meeting);
			assertThat(status).isEqualTo(outcomes.get(0).isEmpty() ? "HELD" : "NOT_HELD");
			long expected = "HELD".equals(status) ? 1 : 0;
			assertThat(achievements(meeting, this.mentee)).isEqualTo(expected);
			assertThat(achievements(meeting, this.mentor)).isEqualTo(expected);
			assertThat(confirmationInstance(meeting)).as("the process ended with the meeting").isZero();
		}
	}

	@Test
	void theMenteesConfirmationRacingTheMentorsReportLeavesOneConsistentState() throws Exception {
		for (int round = 0; round < ROUNDS; round++) {
			UUID meeting = started(round);
			Account mentor = signIn(this.mentor);
			Account mentee = signIn(this.mentee);
			List<List<String>> outcomes = race(() -> this.scenarios.confirm(mentee, meeting), () -> this.scenarios
				.meetingMutation(mentor, "reportMeetingNotHeld", Map.of("meetingId", meeting, "reason", "Nicht da")));

			// one after the other both may succeed (confirmed, then disputed); at the
			// same
			// moment one loses with a conflict; never a state the process does not share
			assertThat(outcomes).allSatisfy((codes) -> assertThat(codes).hasSizeLessThanOrEqualTo(1)
				.allSatisfy((code) -> assertThat(CONFLICTS).contains(code)));
			assertThat(outcomes.stream().filter(List::isEmpty)).isNotEmpty();
			String status = status(meeting);
			boolean confirmed = outcomes.get(0).isEmpty();
			boolean reported = outcomes.get(1).isEmpty();
			if (confirmed && reported) {
				assertThat(status).isEqualTo("DISPUTED");
				assertThat(openTask(meeting)).isEqualTo("Task_ResolveDispute");
			}
			else if (confirmed) {
				assertThat(status).isEqualTo("SCHEDULED");
				assertThat(openTask(meeting)).isEqualTo("Task_ConfirmByMentor");
			}
			else {
				assertThat(status).isEqualTo("NOT_HELD");
				assertThat(confirmationInstance(meeting)).isZero();
			}
			assertThat(achievements(meeting, this.mentee)).isZero();
			runJobs(this.mentorship);
		}
	}

	/** A meeting scheduled for the round's day, after its start, nobody confirmed yet. */
	private UUID started(int round) {
		Instant start = BASE.plus(Duration.ofDays(1 + round));
		this.clock.setTo(start.minus(Duration.ofDays(1)));
		UUID meeting = this.scenarios.proposed(signIn(this.mentee), this.mentorship, slot(start.toString()));
		this.scenarios.schedule(signIn(this.mentor), meeting, 0);
		this.clock.setTo(start.plus(Duration.ofHours(1)));
		runJobs(this.mentorship);
		return meeting;
	}

	private long confirmationInstance(UUID meeting) {
		return this.runtimeService.createProcessInstanceQuery()
			.processDefinitionKey(MeetingProcess.KEY)
			.variableValueEquals(MeetingProcess.MEETING_ID, meeting.toString())
			.count();
	}

	private String openTask(UUID meeting) {
		String instance = this.jdbc.queryForObject("select process_instance_id from meetings where id = ?",
				String.class, meeting.toString());
		return this.taskService.createTaskQuery().processInstanceId(instance).singleResult().getTaskDefinitionKey();
	}

	/**
	 * A meeting scheduled for the round's day, after its start, confirmed by the mentee.
	 */
	private UUID confirmedByMentee(int round) {
		Instant start = BASE.plus(Duration.ofDays(1 + round));
		this.clock.setTo(start.minus(Duration.ofDays(1)));
		Account mentee = signIn(this.mentee);
		UUID meeting = this.scenarios.proposed(mentee, this.mentorship, slot(start.toString()));
		this.scenarios.schedule(signIn(this.mentor), meeting, 0);
		this.clock.setTo(start.plus(Duration.ofHours(1)));
		runJobs(this.mentorship);
		this.scenarios.confirm(signIn(this.mentee), meeting)
			.path("confirmMeetingHeld.meeting.status")
			.entity(String.class)
			.isEqualTo("SCHEDULED");
		return meeting;
	}

	/**
	 * Sends both at the same moment; the error codes of each, empty when it succeeded.
	 */
	private List<List<String>> race(Callable<GraphQlTester.Response> first, Callable<GraphQlTester.Response> second)
			throws Exception {
		CyclicBarrier barrier = new CyclicBarrier(2);
		List<Future<GraphQlTester.Response>> results = new ArrayList<>();
		for (Callable<GraphQlTester.Response> action : List.of(first, second)) {
			results.add(this.pool.submit(() -> {
				barrier.await(10, TimeUnit.SECONDS);
				return action.call();
			}));
		}
		List<List<String>> outcomes = new ArrayList<>();
		for (Future<GraphQlTester.Response> result : results) {
			List<String> codes = new ArrayList<>();
			result.get(60, TimeUnit.SECONDS)
				.errors()
				.satisfy((errors) -> errors.forEach((error) -> codes.add((String) error.getExtensions().get("code"))));
			outcomes.add(codes);
		}
		return outcomes;
	}

	private static void assertOneWins(List<List<String>> outcomes) {
		assertThat(outcomes.stream().filter(List::isEmpty)).as("exactly one succeeds: %s", outcomes).hasSize(1);
		List<String> loser = outcomes.stream().filter((codes) -> !codes.isEmpty()).findFirst().orElseThrow();
		assertThat(loser).as("a clear conflict error").hasSize(1);
		assertThat(CONFLICTS).contains(loser.get(0));
	}

	private String status(UUID meeting) {
		return this.jdbc.queryForObject("select status from meetings where id = ?", String.class, meeting.toString());
	}

	private long achievements(UUID meeting, Account member) {
		return this.jdbc.queryForObject(
				"select count(*) from achievements where member_id = ? and kind = 'MEETING_HELD' and source_id = ?",
				Long.class, member.id().toString(), meeting.toString());
	}

}
