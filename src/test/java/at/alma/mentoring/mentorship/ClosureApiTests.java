package at.alma.mentoring.mentorship;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;

import at.alma.mentoring.ApiTest;
import at.alma.mentoring.DomainEvents;
import at.alma.mentoring.TestMailServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;

import static at.alma.mentoring.Scenarios.slot;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ending a mentorship: both agree to close it (COMPLETED), or one side ends it early
 * (TERMINATED); either way no process instance and no job of it is left.
 */
class ClosureApiTests extends ApiTest {

	@Autowired
	DomainEvents events;

	@BeforeEach
	void fixedTime() {
		this.clock.setTo(Instant.parse("2027-04-05T08:00:00Z"));
	}

	/**
	 * A closure mutation ({@code proposeClosure}, {@code confirmClosure},
	 * {@code declineClosure}, {@code terminateMentorship}), with its text field if any.
	 */
	GraphQlTester.Response closure(Account member, String mutation, UUID mentorshipId, String textField, String text) {
		Map<String, Object> input = (textField == null) ? Map.of("mentorshipId", mentorshipId)
				: Map.of("mentorshipId", mentorshipId, textField, text);
		return as(member).documentName(mutation).variable("input", input).execute();
	}

	@Test
	void bothAgreeToCloseAndTheMentorshipIsCompleted() {
		Account mentee = signUp("Anton", "Ende", "MENTEE");
		Account mentor = signUpWith("Berta", "Schluss", "EN", "Europe/London", "MENTOR");
		Account third = signUp("Cem", "Dritter", "MENTEE");
		UUID mentorship = active(mentee, mentor);

		expectCode(closure(third, "proposeClosure", mentorship, null, null), "NOT_FOUND");
		closure(mentee, "proposeClosure", mentorship, null, null).path("proposeClosure.mentorship.closure.proposedBy")
			.entity(String.class)
			.isEqualTo("MENTEE");
		expectCode(closure(mentee, "proposeClosure", mentorship, null, null), "CLOSURE_PENDING");
		expectCode(closure(mentee, "confirmClosure", mentorship, null, null), "NOT_YOUR_TURN");
		expectCode(closure(third, "confirmClosure", mentorship, null, null), "NOT_FOUND");
		as(mentor).documentName("myTasks")
			.execute()
			.path("myTasks.edges[*].node.kind")
			.entityList(String.class)
			.contains("CONFIRM_CLOSURE");
		runJobs(mentorship);
		assertThat(mail.to(mentor.email())).extracting(MimeMessage::getSubject)
			.contains("Anton Ende proposes to close your mentorship");

		// declined first, with a message to the proposer
		mail.purge();
		closure(mentor, "declineClosure", mentorship, "message", "One more meeting, please")
			.path("declineClosure.mentorship.status")
			.entity(String.class)
			.isEqualTo("ACTIVE");
		runJobs(mentorship);
		assertThat(TestMailServer.text(mail.to(mentee.email()).get(0))).contains("One more meeting, please");

		// proposed again by the mentor; the mentee confirms
		closure(mentor, "proposeClosure", mentorship, null, null);
		closure(mentee, "confirmClosure", mentorship, null, null).path("confirmClosure.mentorship.status")
			.entity(String.class)
			.isEqualTo("COMPLETED");
		assertThat(this.events.of(MentorshipCompleted.class).filter((event) -> event.mentorshipId().equals(mentorship)))
			.hasSize(1);
		mail.purge();
		runJobs(mentorship);
		assertThat(mail.to(mentee.email())).extracting(MimeMessage::getSubject)
			.contains("Ihr Mentorship mit Berta Schluss ist abgeschlossen",
					"Ihr Mentorship ist abgeschlossen: Wie war es?");
		assertThat(mail.to(mentor.email())).extracting(MimeMessage::getSubject)
			.contains("Your mentorship with Anton Ende is completed");
		assertNothingLeft(mentorship);
		assertThat(this.jdbc.queryForObject("select count(*) from certificates where mentorship_id = ?", Long.class,
				mentorship.toString()))
			.isEqualTo(2);
		expectCode(closure(mentee, "proposeClosure", mentorship, null, null), "WRONG_STATE");
		expectCode(closure(mentee, "terminateMentorship", mentorship, "reason", "too late"), "WRONG_STATE");
	}

	@Test
	void closingNeedsAnActiveMentorship() {
		Account mentee = signUp("Dora", "Frueh", "MENTEE");
		Account mentor = signUp("Emil", "Frueh", "MENTOR");
		UUID accepted = accepted(mentee, mentor);
		expectCode(closure(mentee, "proposeClosure", accepted, null, null), "WRONG_STATE");
		expectCode(closure(mentor, "proposeClosure", accepted, null, null), "WRONG_STATE");
		Account waiting = signUp("Fritzi", "Frueh", "MENTEE");
		UUID requested = requested(waiting, signUp("Gerd", "Frueh", "MENTOR"));
		expectCode(closure(waiting, "proposeClosure", requested, null, null), "WRONG_STATE");
		// a request is withdrawn or declined, not ended early
		expectCode(closure(waiting, "terminateMentorship", requested, "reason", "changed my mind"), "WRONG_STATE");
	}

	@Test
	void eitherSideEndsItEarlyFromEveryStateAndNothingIsLeft() {
		// accepted, writing the agreement
		Account mentee1 = signUp("Hilde", "Abbruch", "MENTEE");
		Account mentor1 = signUp("Ingo", "Abbruch", "MENTOR");
		UUID writing = accepted(mentee1, mentor1);
		terminate(mentee1, writing, mentor1);

		// accepted, agreement waiting for approval (a called process runs), a meeting
		// proposed
		Account mentee2 = signUp("Jana", "Abbruch", "MENTEE");
		Account mentor2 = signUp("Kurt", "Abbruch", "MENTOR");
		UUID approving = accepted(mentee2, mentor2);
		Map<String, Object> terms = new java.util.HashMap<>();
		terms.put("mentorshipId", approving);
		terms.put("periodStart", "2027-05-01");
		terms.put("periodEnd", "2027-10-01");
		terms.put("meetingCount", 4);
		terms.put("contactKinds", List.of("PHONE"));
		terms.put("contactFrequency", "monthly");
		this.scenarios.saveAgreement(mentee2, terms);
		this.scenarios.submitAgreement(mentee2, approving);
		this.scenarios.proposed(mentee2, approving, slot("2027-04-20T10:00Z"));
		terminate(mentor2, approving, mentee2);

		// active, a meeting scheduled, a closure proposal waiting
		Account mentee3 = signUp("Lena", "Abbruch", "MENTEE");
		Account mentor3 = signUp("Max", "Abbruch", "MENTOR");
		UUID active = active(mentee3, mentor3);
		UUID meeting = this.scenarios.proposed(mentee3, active, slot("2027-04-20T10:00Z"));
		this.scenarios.schedule(mentor3, meeting, 0);
		closure(mentor3, "proposeClosure", active, null, null);
		terminate(mentee3, active, mentor3);
		assertThat(this.jdbc.queryForObject("select count(*) from certificates where mentorship_id = ?", Long.class,
				active.toString()))
			.isZero();
		// the scheduled meeting ended with the mentorship: both calendars got a
		// cancellation
		assertThat(
				this.jdbc.queryForObject("select status from meetings where id = ?", String.class, meeting.toString()))
			.isEqualTo("CANCELLED");
		assertThat(mail.to(mentor3.email())).extracting((message) -> message.getSubject())
			.contains("Treffen mit Lena Abbruch abgesagt");
	}

	private void terminate(Account by, UUID mentorship, Account other) {
		mail.purge();
		expectCode(closure(by, "terminateMentorship", mentorship, "reason", " "), "INVALID_INPUT");
		closure(by, "terminateMentorship", mentorship, "reason", "Moving abroad")
			.path("terminateMentorship.mentorship.status")
			.entity(String.class)
			.isEqualTo("TERMINATED");
		expectCode(closure(other, "terminateMentorship", mentorship, "reason", "again"), "WRONG_STATE");
		runJobs(mentorship);
		assertThat(mail.to(other.email())).extracting(TestMailServer::text)
			.anySatisfy((text) -> assertThat(text).contains("Moving abroad"));
		assertNothingLeft(mentorship);
	}

	/**
	 * No process instance (lifecycle, called processes, mail deliveries) and no job of
	 * the mentorship is left.
	 */
	private void assertNothingLeft(UUID mentorship) {
		assertThat(this.runtimeService.createProcessInstanceQuery()
			.processInstanceBusinessKey(mentorship.toString())
			.count()).isZero();
		assertThat(this.jdbc.queryForObject(
				"select count(*) from ACT_RU_JOB j join ACT_RU_EXECUTION e on j.PROCESS_INSTANCE_ID_ = e.ID_ where e.BUSINESS_KEY_ = ?",
				Long.class, mentorship.toString()))
			.isZero();
		assertThat(this.jdbc.queryForObject("select count(*) from ACT_RU_EXECUTION where BUSINESS_KEY_ = ?", Long.class,
				mentorship.toString()))
			.isZero();
	}

}
