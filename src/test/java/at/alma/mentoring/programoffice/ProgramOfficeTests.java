package at.alma.mentoring.programoffice;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import at.alma.mentoring.ApiTest;
import at.alma.mentoring.Scenarios;
import at.alma.mentoring.workflow.TaskKind;

import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The program office on a seeded first quarter of 2020 whose every figure is counted by
 * hand below, the stalled list on real processes, and the downloads read back.
 *
 * <pre>
 * mentorship  mentor  requested         decided  activated   held meetings (from activation)  end          status
 * A           M1      2020-01-10 10:00  +1d      +2d         -1d, +5d, +20d                   +60d         COMPLETED
 * B           M1      2020-01-20 10:00  +3d      +4d         +10d                             +90d         COMPLETED
 * C           M2      2020-02-05 10:00  +2d      +1d         +7d (and one scheduled)          –            ACTIVE
 * D           M1      2020-02-10 10:00  +5d      –           –                                +10d         TERMINATED
 * E           M1      2020-02-15 10:00  +7d      –           –                                –            ACCEPTED
 * F           M2      2020-03-01 10:00  +4d      –           –                                +4d          DECLINED
 * G           M2      2020-03-02 10:00  –        –           –                                +1d          WITHDRAWN
 * H           M1      2020-03-03 10:00  –        –           –                                +14d         EXPIRED
 * I           M2      2020-03-30 10:00  –        –           –                                –            REQUESTED
 * J, K        M1, M2  2019-12-31 23:59:59 and 2020-04-01 00:00 (outside the period)              DECLINED
 * </pre>
 */
class ProgramOfficeTests extends ApiTest {

	private static final String PERIOD_FROM = "2020-01-01";

	private static final String PERIOD_TO = "2020-03-31";

	private static final long DAY = 86_400;

	private static final String MENTEE = seedId(1);

	private static final String M1 = seedId(2);

	private static final String M2 = seedId(3);

	private static final String M3 = seedId(4);

	private static final List<String> MEMBERS = List.of(MENTEE, M1, M2, M3);

	private static final Map<String, String> MENTORSHIPS = new HashMap<>();

	static {
		String names = "ABCDEFGHIJK";
		for (int i = 0; i < names.length(); i++) {
			MENTORSHIPS.put(names.substring(i, i + 1), seedId(20 + i));
		}
	}

	private int rows;

	@BeforeEach
	void removeSeed() {
		String mentorships = inList(MENTORSHIPS.values());
		String members = inList(MEMBERS);
		this.jdbc.update("delete from feedback_requests where mentorship_id in " + mentorships);
		this.jdbc.update("delete from meetings where mentorship_id in " + mentorships);
		this.jdbc.update("delete from agreement_versions where mentorship_id in " + mentorships);
		this.jdbc.update("delete from mentorships where id in " + mentorships);
		this.jdbc.update("delete from member_topics where member_id in " + members);
		this.jdbc.update("delete from member_roles where member_id in " + members);
		this.jdbc.update("delete from members where id in " + members);
	}

	@Test
	void countsTheSeededPeriodAsByHand() {
		Account admin = admin();
		Map<String, Object> before = statistics(admin).path("programStatistics.mentorLoad").entity(Map.class).get();
		seed();
		GraphQlTester.Response response = statistics(admin);

		Map<String, Long> funnel = new HashMap<>();
		Map<String, Double> rates = new HashMap<>();
		for (Map<String, Object> step : response.path("programStatistics.funnel").entityList(Map.class).get()) {
			funnel.put((String) step.get("step"), ((Number) step.get("count")).longValue());
			rates.put((String) step.get("step"), ((Number) step.get("rate")).doubleValue());
		}
		assertThat(funnel).containsExactlyInAnyOrderEntriesOf(
				Map.of("REQUESTED", 9L, "ACCEPTED", 5L, "DECLINED", 1L, "WITHDRAWN", 1L, "EXPIRED", 1L, "OPEN_REQUESTS",
						1L, "AGREEMENT_APPROVED", 3L, "FIRST_MEETING_HELD", 3L, "COMPLETED", 2L, "TERMINATED", 1L));
		assertThat(rates.get("ACCEPTED")).isCloseTo(5.0 / 9, within(1e-9));
		assertThat(rates.get("REQUESTED")).isEqualTo(1.0);

		// nearest rank: the value at rank ceil(p/100 × n) of the ascending values
		Map<String, List<Long>> durations = new HashMap<>();
		for (Map<String, Object> figure : response.path("programStatistics.durations").entityList(Map.class).get()) {
			durations.put((String) figure.get("measure"), List.of(((Number) figure.get("count")).longValue(),
					((Number) figure.get("p50Seconds")).longValue(), ((Number) figure.get("p90Seconds")).longValue()));
		}
		// decisions after 1, 2, 3, 4, 5, 7 days: p50 rank 3, p90 rank ceil(5.4) = 6
		assertThat(durations.get("REQUEST_TO_DECISION")).containsExactly(6L, 3 * DAY, 7 * DAY);
		// 1, 2, 4 days: p50 rank ceil(1.5) = 2, p90 rank ceil(2.7) = 3
		assertThat(durations.get("ACCEPTANCE_TO_AGREEMENT")).containsExactly(3L, 2 * DAY, 4 * DAY);
		// the first meeting held at or after approval (A's meeting before it does not
		// count): 5, 7, 10
		assertThat(durations.get("AGREEMENT_TO_FIRST_MEETING")).containsExactly(3L, 7 * DAY, 10 * DAY);
		// 60 and 90 days: p50 rank 1, p90 rank ceil(1.8) = 2
		assertThat(durations.get("MENTORSHIP_LENGTH")).containsExactly(2L, 60 * DAY, 90 * DAY);

		// A (newest approved version: 3 planned, 3 held), B (2, 1), C (6, 1)
		response.path("programStatistics.meetings.mentorships").entity(Long.class).isEqualTo(3L);
		response.path("programStatistics.meetings.planned").entity(Long.class).isEqualTo(11L);
		response.path("programStatistics.meetings.held").entity(Long.class).isEqualTo(5L);

		List<Map> feedback = response.path("programStatistics.feedback").entityList(Map.class).get();
		assertThat(feedback).hasSize(2);
		assertThat(feedback.get(0)).containsEntry("occasion", "CLOSURE")
			.containsEntry("requested", 1)
			.containsEntry("answered", 1)
			.containsEntry("averageRating", 3.0);
		assertThat(feedback.get(1)).containsEntry("occasion", "MEETING")
			.containsEntry("requested", 3)
			.containsEntry("answered", 2)
			.containsEntry("averageRating", 4.5);

		assertThat(response.path("programStatistics.topTopics").entityList(Map.class).get()).containsExactly(
				Map.of("topic", "Karriere", "requests", 9), Map.of("topic", "=HYPERLINK(x)", "requests", 5),
				Map.of("topic", "Gründung", "requests", 4));

		// as of now: M1 (capacity 2, E takes a place), M2 (capacity 1, C: full), M3
		// (capacity 1, unavailable, no request)
		Map<String, Object> after = response.path("programStatistics.mentorLoad").entity(Map.class).get();
		assertThat(delta(after, before, "mentors")).isEqualTo(3);
		assertThat(delta(after, before, "available")).isEqualTo(2);
		assertThat(delta(after, before, "capacity")).isEqualTo(4);
		assertThat(delta(after, before, "placesTaken")).isEqualTo(2);
		assertThat(delta(after, before, "atCapacity")).isEqualTo(1);
		// only M1 and M2 had requests in 2020
		assertThat(((Number) after.get("withoutRequests")).longValue())
			.isEqualTo(((Number) after.get("mentors")).longValue() - 2);
	}

	@Test
	void listsEveryMonthOfThePeriod() {
		Account admin = admin();
		seed();
		List<Map> months = as(admin).document(
				"""
						query($from: Date!, $to: Date!) { programSeries(from: $from, to: $to) {
						  month requested accepted declined withdrawn expired agreementApproved completed terminated meetingsHeld } }""")
			.variable("from", "2019-12-01")
			.variable("to", "2020-04-30")
			.execute()
			.path("programSeries")
			.entityList(Map.class)
			.get();
		assertThat(months).extracting((month) -> month.get("month"))
			.containsExactly("2019-12", "2020-01", "2020-02", "2020-03", "2020-04");
		assertThat(months.get(0)).containsEntry("requested", 1).containsEntry("declined", 1);
		assertThat(months.get(1)).containsEntry("requested", 2)
			.containsEntry("accepted", 2)
			.containsEntry("agreementApproved", 2)
			.containsEntry("completed", 2)
			.containsEntry("meetingsHeld", 2);
		assertThat(months.get(2)).containsEntry("requested", 3)
			.containsEntry("accepted", 3)
			.containsEntry("agreementApproved", 1)
			.containsEntry("terminated", 1)
			.containsEntry("meetingsHeld", 3);
		assertThat(months.get(3)).containsEntry("requested", 4)
			.containsEntry("declined", 1)
			.containsEntry("withdrawn", 1)
			.containsEntry("expired", 1)
			.containsEntry("accepted", 0)
			.containsEntry("meetingsHeld", 0);
		assertThat(months.get(4)).containsEntry("requested", 1).containsEntry("declined", 1);
	}

	@Test
	void isForAdminsOnlyAndRefusesInvalidPeriods() {
		Account member = signUp("Mia", "Mentee", "MENTEE");
		expectCode(statistics(member), "FORBIDDEN");
		expectCode(
				as(member).document("{ stalledMentorships(olderThan: \"P7D\") { edges { node { step } } } }").execute(),
				"FORBIDDEN");
		Account admin = admin();
		expectCode(statistics(admin, "2020-03-31", "2020-01-01"), "PERIOD_REVERSED");
		expectCode(statistics(admin, "2020-01-01", "2025-01-02"), "PERIOD_TOO_LONG");
		statistics(admin, "2020-01-01", "2025-01-01").path("programStatistics.from")
			.entity(String.class)
			.isEqualTo("2020-01-01");
		expectInvalid(as(admin).document("{ stalledMentorships(olderThan: \"a week\") { edges { node { step } } } }")
			.execute(), "olderThan");

		http().get()
			.uri("/api/program-office/report.csv?from=2020-01-01&to=2020-03-31")
			.exchange()
			.expectStatus()
			.isUnauthorized();
		download(member, "csv", PERIOD_FROM, PERIOD_TO).expectStatus().isForbidden();
		download(admin, "pdf", "2020-03-31", "2020-01-01").expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("PERIOD_REVERSED");
	}

	@Test
	void csvParsesBackWithNeutralisedFormulas() {
		Account admin = admin();
		seed();
		byte[] body = download(admin, "csv", PERIOD_FROM, PERIOD_TO).expectStatus()
			.isOk()
			.expectHeader()
			.contentType("text/csv;charset=UTF-8")
			.expectBody()
			.returnResult()
			.getResponseBody();
		String text = new String(body, StandardCharsets.UTF_8);
		assertThat(text).contains("\r\n").doesNotContain("\n\n");
		List<List<String>> records = parseCsv(text);
		assertThat(records.get(0)).containsExactly("section", "figure", "measure", "value");
		Map<String, String> values = new HashMap<>();
		for (List<String> record : records.subList(1, records.size())) {
			assertThat(record).hasSize(4);
			values.put(record.get(0) + "/" + record.get(1) + "/" + record.get(2), record.get(3));
		}
		assertThat(values).containsEntry("period/from/date", "2020-01-01")
			.containsEntry("funnel/REQUESTED/count", "9")
			.containsEntry("funnel/ACCEPTED/count", "5")
			.containsEntry("funnel/ACCEPTED/rate", "0.5556")
			.containsEntry("funnel/COMPLETED/count", "2")
			.containsEntry("duration/REQUEST_TO_DECISION/p90_seconds", String.valueOf(7 * DAY))
			.containsEntry("meetings/approved_agreements/planned", "11")
			.containsEntry("feedback/MEETING/average_rating", "4.5000")
			.containsEntry("topic/Gründung/requests", "4")
			.containsEntry("topic/'=HYPERLINK(x)/requests", "5")
			.containsEntry("month/2020-02/meetings_held", "3");
		assertThat(ProgramCsv.cell("-1+2")).isEqualTo("'-1+2");
		assertThat(ProgramCsv.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
		assertThat(ProgramCsv.cell("+43 1")).isEqualTo("'+43 1");
		assertThat(ProgramCsv.cell("a \"b\", c")).isEqualTo("\"a \"\"b\"\", c\"");
	}

	@Test
	void pdfReadsBackInGermanAndEnglish() throws Exception {
		Account admin = admin();
		seed();
		String german = pdfText(admin, "de");
		assertThat(german).contains("Bericht zum Mentoring-Programm")
			.contains("Anfragen vom 1. Januar 2020 bis 31. März 2020")
			.containsPattern("Angefragt\\s+9\\s+100\\h?%")
			.containsPattern("Angenommen\\s+5\\s+55,6\\h?%")
			.containsPattern("Vereinbarung bestätigt\\s+3")
			.containsPattern("Abgeschlossen\\s+2")
			.containsPattern("Anfrage bis Entscheidung\\s+6\\s+3,0 Tage\\s+7,0 Tage")
			.contains("Gründung");
		String english = pdfText(admin, "en");
		assertThat(english).contains("Mentoring programme report")
			.contains("Requests from January 1, 2020 to March 31, 2020")
			.containsPattern("Requested\\s+9\\s+100%")
			.containsPattern("Declined\\s+1\\s+11.1%");
	}

	@Test
	void listsStalledMentorshipsPerKindOfOpenStep() {
		Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		this.clock.setTo(start);
		Account admin = admin();
		Account mentor = signUp("Rita", "Rast", "MENTOR");
		Map<String, UUID> byStep = new HashMap<>();
		byStep.put("REVIEW_REQUEST", requested(signUp("Ella", "Eins", "MENTEE"), mentor));
		Account mentor2 = signUp("Max", "Zwei", "MENTOR");
		Account writer = signUp("Olga", "Zwei", "MENTEE");
		byStep.put("WRITE_AGREEMENT", accepted(writer, mentor2));
		Account mentor3 = signUp("Paul", "Drei", "MENTOR");
		Account submitter = signUp("Ida", "Drei", "MENTEE");
		UUID submitted = accepted(submitter, mentor3);
		submitAgreement(submitter, submitted);
		byStep.put("APPROVE_AGREEMENT", submitted);
		Account mentor4 = signUp("Lena", "Vier", "MENTOR");
		Account proposer = signUp("Tom", "Vier", "MENTEE");
		UUID active = active(proposer, mentor4);
		as(proposer)
			.document("mutation($input: ProposeMeetingInput!) { proposeMeeting(input: $input) { meeting { id } } }")
			.variable("input",
					Map.of("mentorshipId", active, "finalMeeting", false, "slots",
							List.of(Map.of("start", start.plus(Duration.ofDays(20)).toString(), "durationMinutes", 60,
									"kind", "VIDEO", "link", "https://meet.example.org/alma"))))
			.execute()
			.path("proposeMeeting.meeting.id")
			.hasValue();
		byStep.put("SCHEDULE_MEETING", active);
		Account mentor5 = signUp("Nina", "Fuenf", "MENTOR");
		Account reviser = signUp("Uwe", "Fuenf", "MENTEE");
		UUID revised = accepted(reviser, mentor5);
		submitAgreement(reviser, revised);
		as(mentor5).document("""
				mutation($input: AgreementDecisionInput!) {
				  requestAgreementChanges(input: $input) { agreement { status } } }""")
			.variable("input", Map.of("mentorshipId", revised, "version", 1, "comment", "Fewer meetings, please"))
			.execute()
			.path("requestAgreementChanges.agreement.status")
			.entity(String.class)
			.isEqualTo("CHANGES_REQUESTED");
		byStep.put("REVISE_AGREEMENT", revised);
		Account mentor6 = signUp("Olaf", "Sechs", "MENTOR");
		Account attendee = signUp("Vera", "Sechs", "MENTEE");
		UUID toConfirm = active(attendee, mentor6);
		scheduled(attendee, mentor6, toConfirm, start.plus(Duration.ofDays(1)));
		byStep.put("CONFIRM_BY_MENTEE", toConfirm);
		Account mentor7 = signUp("Pia", "Sieben", "MENTOR");
		Account confirmer = signUp("Walt", "Sieben", "MENTEE");
		UUID halfConfirmed = active(confirmer, mentor7);
		UUID meetingOfMentor = scheduled(confirmer, mentor7, halfConfirmed, start.plus(Duration.ofDays(1)));
		byStep.put("CONFIRM_BY_MENTOR", halfConfirmed);
		Account mentor8 = signUp("Rolf", "Acht", "MENTOR");
		Account closer = signUp("Xenia", "Acht", "MENTEE");
		UUID closing = active(closer, mentor8);
		as(closer).document("mutation($id: ID!) { proposeClosure(input: {mentorshipId: $id}) { mentorship { id } } }")
			.variable("id", closing)
			.execute()
			.path("proposeClosure.mentorship.id")
			.hasValue();
		byStep.put("CONFIRM_CLOSURE", closing);
		Account mentor9 = signUp("Gerd", "Neun", "MENTOR");
		Account drifter = signUp("Hanna", "Neun", "MENTEE");
		UUID drifting = accepted(drifter, mentor9);
		LocalDate today = LocalDate.ofInstant(start, ZoneOffset.UTC);
		Map<String, Object> terms = Scenarios.terms(drifting, 3);
		terms.put("periodStart", today.toString());
		terms.put("periodEnd", today.plusDays(10).toString());
		this.scenarios.saveAgreement(drifter, terms).errors().verify();
		this.scenarios.submitAgreement(drifter, drifting).errors().verify();
		this.scenarios.decideAgreement(mentor9, "approveAgreement", drifting, 1, null).errors().verify();
		runJobs(drifting);
		byStep.put("REVIEW_AGREEMENT", drifting);

		// the meetings began a day later (tokens have expired): each mentee is asked to
		// confirm, one does
		Instant meetingsBegan = start.plus(Duration.ofDays(1)).plus(Duration.ofHours(2));
		this.clock.setTo(meetingsBegan);
		runJobs(toConfirm);
		runJobs(halfConfirmed);
		as(signIn(confirmer)).document(
				"mutation($id: ID!) { confirmMeetingHeld(input: {meetingId: $id}) { meeting { menteeConfirmedAt } } }")
			.variable("id", meetingOfMentor)
			.execute()
			.path("confirmMeetingHeld.meeting.menteeConfirmedAt")
			.hasValue();

		// ten days after the start: the reminders (after 3 days) went out, nothing
		// expired
		// yet (14)
		this.clock.setTo(start.plus(Duration.ofDays(10)));
		byStep.values().forEach(this::runJobs);
		Account office = signIn(admin);

		Map<UUID, List<Map<String, Object>>> stalled = new HashMap<>();
		String after = null;
		boolean more = true;
		while (more) {
			GraphQlTester.Response page = as(office).document("""
					query($after: String) { stalledMentorships(olderThan: "P7D", first: 100, after: $after) {
					  edges { cursor node { mentorshipId step stepName since remindersSent cockpitUrl
					    waitingOn { memberId name side } } }
					  pageInfo { hasNextPage endCursor } } }""").variable("after", after).execute();
			for (Map<String, Object> edge : page.path("stalledMentorships.edges").entityList(Map.class).get()) {
				@SuppressWarnings("unchecked")
				Map<String, Object> node = (Map<String, Object>) edge.get("node");
				stalled.computeIfAbsent(UUID.fromString((String) node.get("mentorshipId")), (id) -> new ArrayList<>())
					.add(node);
			}
			more = page.path("stalledMentorships.pageInfo.hasNextPage").entity(Boolean.class).get();
			after = page.path("stalledMentorships.pageInfo.endCursor").entity(String.class).get();
		}
		assertThat(step(stalled, byStep, "REVIEW_REQUEST")).containsEntry("step", "REVIEW_REQUEST")
			.containsEntry("remindersSent", 1)
			.containsEntry("waitingOn",
					Map.of("memberId", mentor.id().toString(), "name", "Rita Rast", "side", "MENTOR"));
		assertThat(OffsetDateTime.parse((String) step(stalled, byStep, "REVIEW_REQUEST").get("since")).toInstant())
			.isEqualTo(start);
		assertThat((String) step(stalled, byStep, "REVIEW_REQUEST").get("cockpitUrl"))
			.startsWith("http://localhost:8080/camunda/app/cockpit/default/#/process-instance/")
			.endsWith("/runtime");
		assertThat(step(stalled, byStep, "WRITE_AGREEMENT")).containsEntry("step", "WRITE_AGREEMENT")
			.containsEntry("remindersSent", 0)
			.containsEntry("waitingOn",
					Map.of("memberId", writer.id().toString(), "name", "Olga Zwei", "side", "MENTEE"));
		assertThat(step(stalled, byStep, "APPROVE_AGREEMENT")).containsEntry("step", "APPROVE_AGREEMENT")
			.containsEntry("remindersSent", 1)
			.containsEntry("waitingOn",
					Map.of("memberId", mentor3.id().toString(), "name", "Paul Drei", "side", "MENTOR"));
		assertThat(step(stalled, byStep, "SCHEDULE_MEETING")).containsEntry("step", "SCHEDULE_MEETING")
			.containsEntry("waitingOn",
					Map.of("memberId", mentor4.id().toString(), "name", "Lena Vier", "side", "MENTOR"));
		assertThat(step(stalled, byStep, "REVISE_AGREEMENT")).containsEntry("step", "REVISE_AGREEMENT")
			.containsEntry("remindersSent", 0)
			.containsEntry("waitingOn",
					Map.of("memberId", reviser.id().toString(), "name", "Uwe Fuenf", "side", "MENTEE"));
		assertThat(step(stalled, byStep, "CONFIRM_BY_MENTEE")).containsEntry("step", "CONFIRM_BY_MENTEE")
			.containsEntry("remindersSent", 1)
			.containsEntry("waitingOn",
					Map.of("memberId", attendee.id().toString(), "name", "Vera Sechs", "side", "MENTEE"));
		assertThat(OffsetDateTime.parse((String) step(stalled, byStep, "CONFIRM_BY_MENTEE").get("since")).toInstant())
			.isEqualTo(meetingsBegan);
		assertThat(step(stalled, byStep, "CONFIRM_BY_MENTOR")).containsEntry("step", "CONFIRM_BY_MENTOR")
			.containsEntry("remindersSent", 1)
			.containsEntry("waitingOn",
					Map.of("memberId", mentor7.id().toString(), "name", "Pia Sieben", "side", "MENTOR"));
		assertThat(step(stalled, byStep, "REVIEW_AGREEMENT")).containsEntry("step", "REVIEW_AGREEMENT")
			.containsEntry("remindersSent", 1)
			.containsEntry("waitingOn",
					Map.of("memberId", drifter.id().toString(), "name", "Hanna Neun", "side", "MENTEE"));
		assertThat(step(stalled, byStep, "CONFIRM_CLOSURE")).containsEntry("step", "CONFIRM_CLOSURE")
			.containsEntry("remindersSent", 1)
			.containsEntry("waitingOn",
					Map.of("memberId", mentor8.id().toString(), "name", "Rolf Acht", "side", "MENTOR"));
		assertThat(stalled.values().stream().flatMap(List::stream).map((node) -> node.get("step")))
			.as("every kind of open step is listed")
			.containsAll(Arrays.stream(TaskKind.values())
				// waits on the admins, not on a member: listed by disputedMeetings
				.filter((kind) -> kind != TaskKind.RESOLVE_MEETING_DISPUTE)
				.map(TaskKind::name)
				.toList());

		// steps younger than the limit are not stalled
		GraphQlTester.Response young = as(office).document("""
				{ stalledMentorships(olderThan: "P11D", first: 100) { edges { node { mentorshipId } } } }""").execute();
		assertThat(young.path("stalledMentorships.edges[*].node.mentorshipId").entityList(String.class).get())
			.doesNotContainAnyElementsOf(byStep.values().stream().map(UUID::toString).toList());
	}

	private void submitAgreement(Account mentee, UUID mentorship) {
		as(mentee).document("""
				mutation($input: SaveAgreementInput!) { saveAgreement(input: $input) { agreement { version } } }""")
			.variable("input",
					Map.of("mentorshipId", mentorship, "periodStart", "2027-01-01", "periodEnd", "2027-12-31",
							"meetingCount", 4, "contactKinds", List.of("VIDEO"), "contactFrequency", "monthly"))
			.execute();
		as(mentee)
			.document("mutation($id: ID!) { submitAgreement(input: {mentorshipId: $id}) { agreement { status } } }")
			.variable("id", mentorship)
			.execute()
			.path("submitAgreement.agreement.status")
			.entity(String.class)
			.isEqualTo("SUBMITTED");
	}

	/**
	 * A meeting proposed by the mentee and scheduled by the mentor at {@code startsAt}.
	 */
	private UUID scheduled(Account mentee, Account mentor, UUID mentorship, Instant startsAt) {
		String meeting = as(mentee)
			.document("mutation($input: ProposeMeetingInput!) { proposeMeeting(input: $input) { meeting { id } } }")
			.variable("input",
					Map.of("mentorshipId", mentorship, "finalMeeting", false, "slots",
							List.of(Map.of("start", startsAt.toString(), "durationMinutes", 60, "kind", "VIDEO", "link",
									"https://meet.example.org/alma"))))
			.execute()
			.path("proposeMeeting.meeting.id")
			.entity(String.class)
			.get();
		as(mentor)
			.document(
					"mutation($input: ScheduleMeetingInput!) { scheduleMeeting(input: $input) { meeting { status } } }")
			.variable("input", Map.of("meetingId", meeting, "slot", 0))
			.execute()
			.path("scheduleMeeting.meeting.status")
			.entity(String.class)
			.isEqualTo("SCHEDULED");
		return UUID.fromString(meeting);
	}

	/**
	 * The stalled entry of that mentorship for that step (a mentorship can wait on two
	 * steps).
	 */
	private static Map<String, Object> step(Map<UUID, List<Map<String, Object>>> stalled, Map<String, UUID> byStep,
			String step) {
		assertThat(stalled).containsKey(byStep.get(step));
		return stalled.get(byStep.get(step))
			.stream()
			.filter((node) -> step.equals(node.get("step")))
			.findFirst()
			.orElseThrow(() -> new AssertionError(step + " not listed: " + stalled.get(byStep.get(step))));
	}

	private String pdfText(Account admin, String language) throws Exception {
		byte[] pdf = http().get()
			.uri("/api/program-office/report.pdf?from=" + PERIOD_FROM + "&to=" + PERIOD_TO + "&language=" + language)
			.header("Authorization", "Bearer " + admin.token())
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PDF)
			.expectBody()
			.returnResult()
			.getResponseBody();
		String keep = System.getProperty("programoffice.pdf-dir");
		if (keep != null) {
			Files.write(Path.of(keep, "program-report-" + language + ".pdf"), pdf);
		}
		try (PDDocument document = Loader.loadPDF(pdf)) {
			return new PDFTextStripper().getText(document);
		}
	}

	private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec download(Account member,
			String kind, String from, String to) {
		return http().get()
			.uri("/api/program-office/report." + kind + "?from=" + from + "&to=" + to)
			.header("Authorization", "Bearer " + member.token())
			.exchange();
	}

	private GraphQlTester.Response statistics(Account member) {
		return statistics(member, PERIOD_FROM, PERIOD_TO);
	}

	private GraphQlTester.Response statistics(Account member, String from, String to) {
		return as(member).document("""
				query($from: Date!, $to: Date!) { programStatistics(from: $from, to: $to) {
				  from to
				  funnel { step count rate }
				  durations { measure count p50Seconds p90Seconds }
				  meetings { mentorships planned held heldShare }
				  feedback { occasion requested answered answeredShare averageRating }
				  mentorLoad { asOf mentors available capacity placesTaken capacityUsed atCapacity withoutRequests }
				  topTopics { topic requests } } }""").variable("from", from).variable("to", to).execute();
	}

	private static long delta(Map<String, Object> after, Map<String, Object> before, String key) {
		return ((Number) after.get(key)).longValue() - ((Number) before.get(key)).longValue();
	}

	private void seed() {
		member(MENTEE, "Erika", "Seed", "MENTEE", true, 1);
		member(M1, "Martin", "Seed", "MENTOR", true, 2, "Karriere", "=HYPERLINK(x)");
		member(M2, "Maria", "Seed", "MENTOR", true, 1, "Karriere", "Gründung");
		member(M3, "Moritz", "Seed", "MENTOR", false, 1, "Ruhestand");
		LocalDateTime a = at("2020-01-10T10:00:00");
		mentorship("A", M1, "COMPLETED", a, a.plusDays(1), a.plusDays(3), a.plusDays(63));
		agreement("A", 1, 4, true);
		agreement("A", 2, 3, true);
		agreement("A", 3, 9, false);
		meeting("A", "HELD", a.plusDays(2));
		meeting("A", "HELD", a.plusDays(8));
		meeting("A", "HELD", a.plusDays(23));
		LocalDateTime b = at("2020-01-20T10:00:00");
		mentorship("B", M1, "COMPLETED", b, b.plusDays(3), b.plusDays(7), b.plusDays(97));
		agreement("B", 1, 2, true);
		meeting("B", "HELD", b.plusDays(17));
		meeting("B", "CANCELLED", b.plusDays(20));
		LocalDateTime c = at("2020-02-05T10:00:00");
		mentorship("C", M2, "ACTIVE", c, c.plusDays(2), c.plusDays(3), null);
		agreement("C", 1, 6, true);
		meeting("C", "HELD", c.plusDays(10));
		meeting("C", "SCHEDULED", c.plusDays(40));
		LocalDateTime d = at("2020-02-10T10:00:00");
		mentorship("D", M1, "TERMINATED", d, d.plusDays(5), null, d.plusDays(15));
		LocalDateTime e = at("2020-02-15T10:00:00");
		mentorship("E", M1, "ACCEPTED", e, e.plusDays(7), null, null);
		LocalDateTime f = at("2020-03-01T10:00:00");
		mentorship("F", M2, "DECLINED", f, f.plusDays(4), null, f.plusDays(4));
		LocalDateTime g = at("2020-03-02T10:00:00");
		mentorship("G", M2, "WITHDRAWN", g, null, null, g.plusDays(1));
		LocalDateTime h = at("2020-03-03T10:00:00");
		mentorship("H", M1, "EXPIRED", h, null, null, h.plusDays(14));
		mentorship("I", M2, "REQUESTED", at("2020-03-30T10:00:00"), null, null, null);
		LocalDateTime j = at("2019-12-31T23:59:59");
		mentorship("J", M1, "DECLINED", j, j.plusDays(1), null, j.plusDays(1));
		LocalDateTime k = at("2020-04-01T00:00:00");
		mentorship("K", M2, "DECLINED", k, k.plusDays(1), null, k.plusDays(1));
		feedback("A", M1, "MEETING", at("2020-02-01T12:00:00"), 4);
		feedback("B", MENTEE, "MEETING", at("2020-02-20T12:00:00"), 5);
		feedback("C", M2, "MEETING", at("2020-03-10T12:00:00"), null);
		feedback("A", MENTEE, "CLOSURE", at("2020-03-15T12:00:00"), 3);
		feedback("C", MENTEE, "INACTIVITY", at("2020-04-02T12:00:00"), 1);
	}

	private void member(String id, String first, String last, String role, boolean available, int capacity,
			String... topics) {
		this.jdbc.update("""
				insert into members (id, email, password_hash, first_name, last_name, language, time_zone,
				  mentor_available, mentor_capacity, created_at, version)
				values (?, ?, '{noop}x', ?, ?, 'DE', 'Europe/Vienna', ?, ?, ?, 0)""", id, id + "@seed.test", first,
				last, available, capacity, at("2019-01-01T00:00:00"));
		this.jdbc.update("insert into member_roles (member_id, role) values (?, ?)", id, role);
		for (int i = 0; i < topics.length; i++) {
			this.jdbc.update("insert into member_topics (member_id, position, topic) values (?, ?, ?)", id, i,
					topics[i]);
		}
	}

	private void mentorship(String name, String mentor, String status, LocalDateTime requested, LocalDateTime decided,
			LocalDateTime activated, LocalDateTime ended) {
		this.jdbc.update("""
				insert into mentorships (id, mentee_id, mentor_id, status, requested_at, decided_at, activated_at,
				  ended_at, version)
				values (?, ?, ?, ?, ?, ?, ?, ?, 0)""", MENTORSHIPS.get(name), MENTEE, mentor, status, requested,
				decided, activated, ended);
	}

	private void agreement(String mentorship, int version, int meetings, boolean approved) {
		LocalDateTime saved = at("2020-01-01T00:00:00");
		this.jdbc.update("""
				insert into agreement_versions (id, mentorship_id, version_number, status, period_start, period_end,
				  meeting_count, contact_kinds, contact_frequency, submissions, saved_at, approved_at, version)
				values (?, ?, ?, ?, '2020-01-01', '2020-12-31', ?, 'VIDEO', 'monthly', 1, ?, ?, 0)""",
				UUID.randomUUID().toString(), MENTORSHIPS.get(mentorship), version, approved ? "APPROVED" : "SUBMITTED",
				meetings, saved, approved ? saved : null);
	}

	private void meeting(String mentorship, String status, LocalDateTime startsAt) {
		this.jdbc.update("""
				insert into meetings (id, mentorship_id, mentee_id, mentor_id, status, final_meeting, starts_at,
				  duration_minutes, kind, proposal_round, invitation_sequence, proposed_at, version)
				values (?, ?, ?, ?, ?, false, ?, 60, 'VIDEO', 1, 0, ?, 0)""", UUID.randomUUID().toString(),
				MENTORSHIPS.get(mentorship), MENTEE, M1, status, startsAt, startsAt.minusDays(3));
		if ("HELD".equals(status)) {
			// what MentorshipDirectory.recordMeetingHeld does when a meeting becomes HELD
			this.jdbc.update("""
					update mentorships set meetings_held = meetings_held + 1,
					  first_meeting_held_at = case when activated_at is not null and ? >= activated_at
					    and (first_meeting_held_at is null or ? < first_meeting_held_at) then ?
					    else first_meeting_held_at end
					where id = ?""", startsAt, startsAt, startsAt, MENTORSHIPS.get(mentorship));
		}
	}

	private void feedback(String mentorship, String member, String occasion, LocalDateTime requested, Integer rating) {
		this.jdbc.update("""
				insert into feedback_requests (id, member_id, mentorship_id, occasion, source_key, requested_at,
				  answered_at, rating, version)
				values (?, ?, ?, ?, ?, ?, ?, ?, 0)""", UUID.randomUUID().toString(), member,
				MENTORSHIPS.get(mentorship), occasion, "seed-" + (this.rows++), requested,
				(rating != null) ? requested.plusDays(1) : null, rating);
	}

	private static LocalDateTime at(String utc) {
		return LocalDateTime.parse(utc).atOffset(ZoneOffset.UTC).toLocalDateTime();
	}

	private static String seedId(int n) {
		return "00000000-0026-4000-8000-%012d".formatted(n);
	}

	private static String inList(java.util.Collection<String> ids) {
		return ids.stream().map((id) -> "'" + id + "'").collect(java.util.stream.Collectors.joining(",", "(", ")"));
	}

	/** RFC 4180: quoted fields may hold commas, quotes (doubled) and line breaks. */
	private static List<List<String>> parseCsv(String text) {
		List<List<String>> records = new ArrayList<>();
		List<String> record = new ArrayList<>();
		StringBuilder field = new StringBuilder();
		boolean quoted = false;
		for (int i = 0; i < text.length(); i++) {
			char ch = text.charAt(i);
			if (quoted) {
				if (ch == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
					field.append('"');
					i++;
				}
				else if (ch == '"') {
					quoted = false;
				}
				else {
					field.append(ch);
				}
			}
			else if (ch == '"') {
				quoted = true;
			}
			else if (ch == ',') {
				record.add(field.toString());
				field.setLength(0);
			}
			else if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
				record.add(field.toString());
				field.setLength(0);
				records.add(record);
				record = new ArrayList<>();
				i++;
			}
			else {
				field.append(ch);
			}
		}
		return records;
	}

}
