import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * N users, each keeping a few lifecycles going, for a given time: new lifecycles start until then, and the phase
 * ends when the last one is done. A user takes whichever of its lifecycles' steps is due first; a lifecycle waits
 * between steps only where a real one waits (for its meeting to start, for the certificate job). Either through
 * /graphql as the members ({@link #appStep}) or the same process steps through /engine-rest as the admin
 * ({@link #engineStep}).
 */
final class LoadPhase {

	/** The meeting is proposed this many seconds ahead, and confirmed after it started. */
	static final int MEETING_LEAD_SECONDS = 5;

	/** Lifecycles one user keeps going while earlier ones wait for their meeting: 3 at N=1, 2 at N=4, 1 at N=16. */
	static final int MAX_INFLIGHT = 3;

	private static final String CONFIRM_HELD = "mutation($id: ID!) { confirmMeetingHeld(input: {meetingId: $id}) "
			+ "{ meeting { status } } }";

	final App app;

	final int users;

	final int seconds;

	final Samples samples;

	final boolean engine;

	final AtomicInteger completed = new AtomicInteger();

	final AtomicInteger failed = new AtomicInteger();

	final AtomicInteger mutations = new AtomicInteger();

	volatile long lastCompletion;

	long start;

	long elapsedNanos;

	LoadPhase(App app, int users, int seconds, Samples samples, boolean engine) {
		this.app = app;
		this.users = users;
		this.seconds = seconds;
		this.samples = samples;
		this.engine = engine;
	}

	void run() throws Exception {
		List<String[]> engineRows = this.engine ? Seed.engineRows(this.users * 60) : List.of();
		AtomicInteger nextRow = new AtomicInteger();
		Run.log((this.engine ? "engine REST" : "GraphQL") + " phase: " + this.users + " user(s), new lifecycles for "
				+ this.seconds + " s, load " + Host.load());
		this.start = System.nanoTime();
		long startUntil = this.start + this.seconds * 1_000_000_000L;
		long hardEnd = startUntil + 90_000_000_000L;
		List<Thread> threads = new ArrayList<>();
		int maxInflight = Math.max(1, Math.min(MAX_INFLIGHT, 8 / this.users));
		for (int u = 0; u < this.users; u++) {
			Thread t = new Thread(() -> {
				List<Lifecycle> inflight = new ArrayList<>();
				while (true) {
					long now = System.nanoTime();
					Lifecycle ready = null;
					for (Lifecycle l : inflight) {
						if (l.readyAt <= now && (ready == null || l.readyAt < ready.readyAt)) {
							ready = l;
						}
					}
					if (ready != null) {
						try {
							boolean done = this.engine ? engineStep(ready) : appStep(ready);
							if (done) {
								inflight.remove(ready);
								this.completed.incrementAndGet();
								this.lastCompletion = System.nanoTime();
								this.samples.add(this.engine ? "engine: lifecycle (wall)" : "lifecycle (wall)",
										System.nanoTime() - ready.startedAt);
							}
						}
						catch (RuntimeException ex) {
							inflight.remove(ready);
							this.failed.incrementAndGet();
							this.samples.error("step " + ready.step + ": " + abbreviate(ex.getMessage()));
						}
						continue;
					}
					if (now < startUntil && inflight.size() < maxInflight) {
						Lifecycle l = new Lifecycle();
						if (this.engine) {
							int i = nextRow.getAndIncrement();
							if (i >= engineRows.size()) {
								if (inflight.isEmpty()) {
									break;
								}
								Host.sleepMs(50);
								continue;
							}
							String[] row = engineRows.get(i);
							l.mentorshipId = row[0];
							l.mentee = new App.Account(row[1], null, null);
							l.mentor = new App.Account(row[2], null, null);
							l.meetingId = row[3];
						}
						inflight.add(l);
						continue;
					}
					if (inflight.isEmpty() || now > hardEnd) {
						if (!inflight.isEmpty()) {
							this.failed.addAndGet(inflight.size());
							this.samples.error("unfinished at the phase's end: " + inflight.size());
						}
						break;
					}
					long earliest = inflight.stream().mapToLong((l) -> l.readyAt).min().orElse(now);
					Host.sleepMs(Math.max(1, Math.min(200, (earliest - now) / 1_000_000)));
				}
			});
			t.start();
			threads.add(t);
		}
		for (Thread t : threads) {
			t.join();
		}
		this.elapsedNanos = Math.max(1, (this.lastCompletion > 0 ? this.lastCompletion : System.nanoTime()) - this.start);
		Run.log("  " + this.completed.get() + " lifecycles, " + this.failed.get() + " failed, " + this.mutations.get()
				+ " mutations in " + String.format(Locale.ROOT, "%.1f", this.elapsedNanos / 1e9) + " s; errors "
				+ this.samples.errors);
	}

	static String abbreviate(String s) {
		if (s == null) {
			return "null";
		}
		s = s.replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "<id>");
		return s.length() > 160 ? s.substring(0, 160) : s;
	}

	double lifecyclesPerSecond() {
		return this.completed.get() / (this.elapsedNanos / 1e9);
	}

	double mutationsPerSecond() {
		return this.mutations.get() / (this.elapsedNanos / 1e9);
	}

	<T> T mutation(String op, Supplier<T> action) {
		T result = this.samples.time(op, action);
		this.mutations.incrementAndGet();
		return result;
	}

	/** The member, its address marked verified (not timed: seeding, see {@link Seed#verified}). */
	private static App.Account verified(App.Account member) {
		Seed.verified(member);
		return member;
	}

	/** A mutation as {@code who}, timed as {@code op}. */
	private JsonNode send(String op, App.Account who, String document, Map<String, Object> variables) {
		return mutation(op, () -> this.app.gql(who.token(), document, variables));
	}

	/** One step of a lifecycle through /graphql; true when the lifecycle is complete. */
	boolean appStep(Lifecycle l) {
		App a = this.app;
		switch (l.step) {
			// the address verified in the database afterwards, outside the timed sign-up (Seed.verified)
			case 0 -> l.mentee = verified(mutation("signUp", () -> a.signUp("MENTEE")));
			case 1 -> l.mentor = verified(mutation("signUp", () -> a.signUp("MENTOR")));
			case 2 -> l.mentorshipId = send("requestMentorship", l.mentee,
					"mutation($id: ID!) { requestMentorship(input: {mentorId: $id, message: \"Please mentor me\"}) { mentorship { id status } } }",
					Map.of("id", l.mentor.id()))
				.path("requestMentorship").path("mentorship").path("id").asText();
			case 3 -> send("acceptMentorshipRequest", l.mentor,
					"mutation($id: ID!) { acceptMentorshipRequest(input: {mentorshipId: $id}) { mentorship { id status } } }",
					Map.of("id", l.mentorshipId));
			case 4 -> {
				Map<String, Object> terms = new HashMap<>();
				LocalDate today = LocalDate.now(ZoneOffset.UTC);
				terms.put("mentorshipId", l.mentorshipId);
				terms.put("periodStart", today.toString());
				terms.put("periodEnd", today.plusMonths(6).toString());
				terms.put("meetingCount", 3);
				terms.put("contactKinds", List.of("VIDEO", "IN_PERSON"));
				terms.put("contactFrequency", "every two weeks");
				terms.put("topics", List.of("Career goals", "Leadership", "Negotiation"));
				send("saveAgreement", l.mentee,
						"mutation($input: SaveAgreementInput!) { saveAgreement(input: $input) { agreement { version status } } }",
						Map.of("input", terms));
			}
			case 5 -> send("submitAgreement", l.mentee,
					"mutation($id: ID!) { submitAgreement(input: {mentorshipId: $id}) { agreement { status } } }",
					Map.of("id", l.mentorshipId));
			case 6 -> send("approveAgreement", l.mentor,
					"mutation($id: ID!) { approveAgreement(input: {mentorshipId: $id, version: 1}) { mentorship { status } } }",
					Map.of("id", l.mentorshipId));
			case 7 -> {
				Instant at = Instant.now().plusSeconds(MEETING_LEAD_SECONDS).truncatedTo(ChronoUnit.SECONDS);
				l.meetingTimeNanos = System.nanoTime() + Duration.between(Instant.now(), at).toNanos();
				Map<String, Object> input = Map.of("mentorshipId", l.mentorshipId, "finalMeeting", true, "slots",
						List.of(Map.of("start", at.toString(), "durationMinutes", 30, "kind", "PHONE")));
				l.meetingId = send("proposeMeeting", l.mentee,
						"mutation($input: ProposeMeetingInput!) { proposeMeeting(input: $input) { meeting { id status } } }",
						Map.of("input", input))
					.path("proposeMeeting").path("meeting").path("id").asText();
			}
			case 8 -> {
				send("scheduleMeeting", l.mentor,
						"mutation($id: ID!) { scheduleMeeting(input: {meetingId: $id, slot: 0}) { meeting { status } } }",
						Map.of("id", l.meetingId));
				l.readyAt = l.meetingTimeNanos + 300_000_000L;
			}
			case 9 -> {
				// after the meeting's start the engine's timer (job executor) opens the mentee's confirmation
				try {
					send("confirmMeetingHeld (mentee)", l.mentee, CONFIRM_HELD, Map.of("id", l.meetingId));
					this.samples.add("wait: meeting start -> mentee could confirm",
							System.nanoTime() - l.meetingTimeNanos);
				}
				catch (App.GraphQlError ex) {
					if ((ex.code.equals("NO_OPEN_TASK") || ex.code.equals("MEETING_NOT_YET")) && ++l.tries < 400) {
						l.readyAt = System.nanoTime() + 250_000_000L;
						return false;
					}
					throw ex;
				}
			}
			case 10 -> send("confirmMeetingHeld (mentor)", l.mentor, CONFIRM_HELD, Map.of("id", l.meetingId));
			case 11 -> send("proposeClosure", l.mentee,
					"mutation($id: ID!) { proposeClosure(input: {mentorshipId: $id}) { mentorship { status } } }",
					Map.of("id", l.mentorshipId));
			case 12 -> {
				send("confirmClosure", l.mentor,
						"mutation($id: ID!) { confirmClosure(input: {mentorshipId: $id}) { mentorship { status } } }",
						Map.of("id", l.mentorshipId));
				l.meetingTimeNanos = System.nanoTime(); // reused: when the certificate was asked for
			}
			case 13 -> {
				// the certificates are issued by an async job after the closure
				JsonNode certs = this.samples.time("me { certificates }", () -> a.gql(l.mentee.token(),
						"{ me { certificates { id downloadUrl } } }", Map.of()))
					.path("me").path("certificates");
				if (certs.size() == 0) {
					if (++l.tries > 600) {
						throw new IllegalStateException("no certificate 120 s after the closure");
					}
					l.readyAt = System.nanoTime() + 200_000_000L;
					return false;
				}
				this.samples.add("wait: closure -> certificate issued", System.nanoTime() - l.meetingTimeNanos);
				l.certificatePath = certs.get(0).path("downloadUrl").asText();
			}
			case 14 -> {
				byte[] pdf = this.samples.time("certificate download (GET)",
						() -> a.download(l.mentee.token(), l.certificatePath));
				if (pdf.length < 1000 || pdf[0] != '%') {
					throw new IllegalStateException("not a PDF: " + pdf.length + " bytes");
				}
				return true;
			}
			default -> throw new IllegalStateException("step " + l.step);
		}
		l.tries = 0;
		l.step++;
		return false;
	}

	/** The same process steps through /engine-rest as the admin: what a team would build on the engine alone. */
	boolean engineStep(Lifecycle l) {
		App a = this.app;
		String bk = l.mentorshipId;
		switch (l.step) {
			case 0 -> l.processInstanceId = mutation("engine: start process instance",
					() -> a.startLifecycle(bk, l.mentee.id(), l.mentor.id()));
			case 1 -> completeStep(l, "Task_ReviewRequest", Map.of("requestOutcome", App.var("ACCEPTED", "String")));
			case 2 -> completeStep(l, "Task_WriteAgreement",
					Map.of("agreementVersion", App.var(1, "Integer"), "agreementSubmission", App.var(1, "Integer"),
							"agreementReminderAfter", App.var("P3D", "String")));
			case 3 -> completeStep(l, "Task_ApproveAgreement", Map.of("agreementDecision", App.var("APPROVED", "String")));
			case 4 -> mutation("engine: correlate MeetingProposed",
					() -> a.rest("POST", "/message", Map.of("messageName", "MeetingProposed", "processInstanceId",
							l.processInstanceId, "processVariables",
							Map.of("meetingId", App.var(l.meetingId, "String"), "confirmReminderAfter",
									App.var("P2D", "String")))));
			case 5 -> {
				// the meeting's time is already past: the timer is due at once
				completeStep(l, "Task_ScheduleMeeting", Map.of("scheduleDecision", App.var("SCHEDULED", "String"),
						"meetingStartsAt", App.var(App.camundaDate(Instant.now().minusSeconds(60)), "Date")));
				l.meetingTimeNanos = System.nanoTime();
			}
			case 6 -> {
				String task = this.samples.time("engine: task lookup (GET /task)",
						() -> a.task(bk, "Task_ConfirmByMentee"));
				if (task == null) {
					if (++l.tries > 400) {
						throw new IllegalStateException("timer did not fire");
					}
					l.readyAt = System.nanoTime() + 250_000_000L;
					return false;
				}
				this.samples.add("engine: wait schedule -> confirmation task", System.nanoTime() - l.meetingTimeNanos);
				mutation("engine: complete Task_ConfirmByMentee", () -> {
					a.complete(task, Map.of());
					return null;
				});
			}
			case 7 -> completeStep(l, "Task_ConfirmByMentor", Map.of());
			case 8 -> mutation("engine: correlate ClosureProposed",
					() -> a.rest("POST", "/message",
							Map.of("messageName", "ClosureProposed", "processInstanceId", l.processInstanceId,
									"processVariables",
									Map.of("closureConfirmerId", App.var(l.mentor.id(), "String"),
											"closureReminderAfter", App.var("P3D", "String"), "closureLapsesAfter",
											App.var("P14D", "String"), "closureRound", App.var(1, "Integer")))));
			case 9 -> {
				completeStep(l, "Task_ConfirmClosure", Map.of("closureDecision", App.var("CONFIRMED", "String")));
				return true;
			}
			default -> throw new IllegalStateException("step " + l.step);
		}
		l.step++;
		return false;
	}

	void completeStep(Lifecycle l, String key, Map<String, Object> variables) {
		String task = this.samples.time("engine: task lookup (GET /task)", () -> this.app.task(l.mentorshipId, key));
		if (task == null) {
			throw new IllegalStateException("no open " + key);
		}
		mutation("engine: complete " + key, () -> {
			this.app.complete(task, variables);
			return null;
		});
	}

}
