package at.alma.mentoring.mentorship;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.mail.internet.MimeMessage;

import at.alma.mentoring.ApiTest;
import at.alma.mentoring.TestMailServer;
import org.junit.jupiter.api.Test;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MentorshipRequestApiTests extends ApiTest {

	@Test
	void mentorReviewsAndAcceptsRequest() throws Exception {
		Account mentee = signUpWith("Anna", "Müller", "EN", "Europe/London", "MENTEE");
		Account mentor = signUp("Bernd", "Huber", "MENTOR");

		var requested = this.scenarios.request(mentee, mentor, "I would like to learn about leadership");
		requested.path("requestMentorship.mentorship.status").entity(String.class).isEqualTo("REQUESTED");
		requested.path("requestMentorship.mentorship.myRole").entity(String.class).isEqualTo("MENTEE");
		UUID id = UUID.fromString(requested.path("requestMentorship.mentorship.id").entity(String.class).get());

		// the mentor has a task and sees the mentee's full profile and message
		var tasks = as(mentor).documentName("myTasks").execute();
		tasks.path("myTasks.edges[0].node.kind").entity(String.class).isEqualTo("REVIEW_REQUEST");
		tasks.path("myTasks.edges[0].node.mentorship.id").entity(String.class).isEqualTo(id.toString());
		tasks.path("myTasks.edges[0].node.mentorship.mentee.lastName").entity(String.class).isEqualTo("Müller");
		tasks.path("myTasks.edges[0].node.mentorship.requestMessage")
			.entity(String.class)
			.isEqualTo("I would like to learn about leadership");
		tasks.path("myTasks.edges[0].node.due").entity(String.class).satisfies((due) -> assertThat(due).isNotBlank());

		runJobs(id);
		List<MimeMessage> toMentor = mail.to(mentor.email());
		assertThat(toMentor).hasSize(1);
		assertThat(toMentor.get(0).getSubject()).isEqualTo("Neue Mentorship-Anfrage von Anna Müller");
		assertThat(TestMailServer.text(toMentor.get(0))).contains("I would like to learn about leadership");

		var accepted = this.scenarios.act(mentor, "acceptMentorshipRequest", id);
		accepted.path("acceptMentorshipRequest.mentorship.status").entity(String.class).isEqualTo("ACCEPTED");
		accepted.path("acceptMentorshipRequest.mentorship.myRole").entity(String.class).isEqualTo("MENTOR");

		as(mentor).documentName("myTasks").execute().path("myTasks.edges").entityList(Object.class).hasSize(0);
		as(mentee).documentName("myTasks")
			.execute()
			.path("myTasks.edges[0].node.kind")
			.entity(String.class)
			.isEqualTo("WRITE_AGREEMENT");
		assertThat(this.jdbc.queryForObject("select count(*) from conversations where mentorship_id = ?", Long.class,
				id.toString()))
			.isEqualTo(1);

		runJobs(id);
		List<MimeMessage> toMentee = mail.to(mentee.email());
		assertThat(toMentee).hasSize(1);
		assertThat(toMentee.get(0).getSubject()).isEqualTo("Bernd Huber accepted your mentorship request");
		assertThat(toMentee.get(0).getMessageID()).contains("request-accepted");
		assertThat(mail.received()).hasSize(2);
	}

	@Test
	void refusesRequestsThatBreakTheRulesAndStoresNothing() {
		Account mentee = signUp("Clara", "Fischer", "MENTEE");
		Account both = signUp("Dora", "Weber", "MENTEE", "MENTOR");
		Account mentorOnly = signUp("Emil", "Schwarz", "MENTOR");
		Account menteeOnly = signUp("Fritz", "Koch", "MENTEE");
		Account unavailable = signUp("Gina", "Maier", "MENTOR");
		as(unavailable).document("mutation { updateProfile(input: {mentorAvailable: false}) { me { id } } }").execute();

		long[] before = mentorshipFootprint();
		expectCode(this.scenarios.request(mentorOnly, both, null), "NOT_A_MENTEE");
		expectCode(this.scenarios.request(both, both, null), "SELF_REQUEST");
		expectCode(this.scenarios.request(mentee, menteeOnly, null), "NOT_A_MENTOR");
		expectCode(this.scenarios.request(mentee, unavailable, null), "MENTOR_UNAVAILABLE");
		expectCode(this.scenarios.request(mentee, mentorOnly, "x".repeat(2001)), "INVALID_INPUT");
		as(mentee).document("mutation($id: ID!) { requestMentorship(input: {mentorId: $id}) { mentorship { id } } }")
			.variable("id", UUID.randomUUID())
			.execute()
			.errors()
			.expect((error) -> "NOT_FOUND".equals(error.getExtensions().get("code")))
			.verify();
		assertThat(mentorshipFootprint()).containsExactly(before);

		this.scenarios.requestedWithMessage(mentee, mentorOnly);
		long[] afterOne = mentorshipFootprint();
		expectCode(this.scenarios.request(mentee, mentorOnly, null), "DUPLICATE_REQUEST");
		assertThat(mentorshipFootprint()).containsExactly(afterOne);
	}

	@Test
	void databaseRefusesASecondOpenRequestOfThePair() {
		Account mentee = signUp("Hanna", "Lang", "MENTEE");
		Account mentor = signUp("Ida", "Brunner", "MENTOR");
		UUID id = this.scenarios.requestedWithMessage(mentee, mentor);
		assertThatThrownBy(() -> this.jdbc
			.update("insert into mentorships (id, mentee_id, mentor_id, status, open_pair_key, requested_at, version) "
					+ "select ?, mentee_id, mentor_id, 'REQUESTED', open_pair_key, requested_at, 0 from mentorships where id = ?",
					UUID.randomUUID().toString(), id.toString()))
			.isInstanceOf(DataIntegrityViolationException.class);
	}

	@Test
	void limitsOpenRequestsPerMentee() {
		Account mentee = signUp("Jana", "Pichler", "MENTEE");
		for (int i = 0; i < 5; i++) {
			this.scenarios.requestedWithMessage(mentee, signUp("Mentor" + i, "Limit", "MENTOR"));
		}
		long[] before = mentorshipFootprint();
		expectCode(this.scenarios.request(mentee, signUp("Sixth", "Limit", "MENTOR"), null), "TOO_MANY_OPEN_REQUESTS");
		assertThat(mentorshipFootprint()).containsExactly(before);
	}

	@Test
	void mentorAtCapacityCannotBeRequestedOrAcceptMore() {
		Account mentor = signUp("Karin", "Auer", "MENTOR");
		Account first = signUp("Leo", "Moser", "MENTEE");
		Account second = signUp("Mia", "Hofer", "MENTEE");
		UUID firstId = this.scenarios.requestedWithMessage(first, mentor);
		UUID secondId = this.scenarios.requestedWithMessage(second, mentor);
		this.scenarios.act(mentor, "acceptMentorshipRequest", firstId)
			.path("acceptMentorshipRequest.mentorship.status")
			.entity(String.class)
			.isEqualTo("ACCEPTED");

		// the other request stays open (the mentee decides), but the mentor has no place
		// for it
		expectCode(this.scenarios.act(mentor, "acceptMentorshipRequest", secondId), "CAPACITY_REACHED");
		as(second).document("query($id: ID!) { mentorship(id: $id) { status } }")
			.variable("id", secondId)
			.execute()
			.path("mentorship.status")
			.entity(String.class)
			.isEqualTo("REQUESTED");
		expectCode(this.scenarios.request(signUp("Nina", "Late", "MENTEE"), mentor, null), "CAPACITY_REACHED");
	}

	@Test
	void acceptingTheSameRequestTwiceSaysItIsDecidedNotThatThePlaceIsTaken() throws Exception {
		// a second tab, or the same click through the other node: the first acceptance
		// took
		// the mentor's only place, and the answer to the second names the real reason
		Account mentor = signUp("Erik", "Twice", "MENTOR");
		UUID sequential = this.scenarios.requestedWithMessage(signUp("Fanny", "Twice", "MENTEE"), mentor);
		this.scenarios.act(mentor, "acceptMentorshipRequest", sequential)
			.path("acceptMentorshipRequest.mentorship.status")
			.entity(String.class)
			.isEqualTo("ACCEPTED");
		expectCode(this.scenarios.act(mentor, "acceptMentorshipRequest", sequential), "WRONG_STATE");

		for (int round = 0; round < 3; round++) {
			Account busy = signUp("Gerd", "Twice", "MENTOR");
			UUID id = this.scenarios.requestedWithMessage(signUp("Hanna", "Twice", "MENTEE"), busy);
			var barrier = new CyclicBarrier(2);
			ExecutorService pool = Executors.newFixedThreadPool(2);
			try {
				List<Future<GraphQlTester.Response>> results = new ArrayList<>();
				for (int i = 0; i < 2; i++) {
					results.add(pool.submit(() -> {
						barrier.await(10, TimeUnit.SECONDS);
						return this.scenarios.act(busy, "acceptMentorshipRequest", id);
					}));
				}
				List<String> codes = new ArrayList<>();
				for (var result : results) {
					result.get(30, TimeUnit.SECONDS)
						.errors()
						.satisfy((errors) -> errors.forEach((e) -> codes.add((String) e.getExtensions().get("code"))));
				}
				assertThat(codes).singleElement().isIn("WRONG_STATE", "CONCURRENT_CHANGE");
			}
			finally {
				pool.shutdownNow();
			}
		}
	}

	@Test
	void twoAcceptancesAtOnceCannotBothTakeTheLastPlace() throws Exception {
		for (int round = 0; round < 3; round++) {
			Account mentor = signUp("Otto", "Race", "MENTOR");
			UUID a = this.scenarios.requestedWithMessage(signUp("Paula", "Race", "MENTEE"), mentor);
			UUID b = this.scenarios.requestedWithMessage(signUp("Quirin", "Race", "MENTEE"), mentor);
			var barrier = new CyclicBarrier(2);
			ExecutorService pool = Executors.newFixedThreadPool(2);
			try {
				List<Future<GraphQlTester.Response>> results = new ArrayList<>();
				for (UUID id : List.of(a, b)) {
					results.add(pool.submit(() -> {
						barrier.await(10, TimeUnit.SECONDS);
						return this.scenarios.act(mentor, "acceptMentorshipRequest", id);
					}));
				}
				int accepted = 0;
				for (var result : results) {
					var response = result.get(30, TimeUnit.SECONDS);
					List<String> codes = new ArrayList<>();
					response.errors()
						.satisfy((errors) -> errors.forEach((e) -> codes.add((String) e.getExtensions().get("code"))));
					if (codes.isEmpty()) {
						accepted++;
					}
					else {
						assertThat(codes).containsAnyOf("CAPACITY_REACHED", "CONCURRENT_CHANGE");
					}
				}
				assertThat(accepted).isEqualTo(1);
				assertThat(this.jdbc.queryForObject(
						"select count(*) from mentorships where mentor_id = ? and status = 'ACCEPTED'", Long.class,
						mentor.id().toString()))
					.isEqualTo(1);
			}
			finally {
				pool.shutdownNow();
			}
		}
	}

	@Test
	void declineSendsTheMentorsTextWithPlaceholdersFilledAndNothingEvaluated() throws Exception {
		Account mentor = signUp("Rita", "Stein", "MENTOR");
		Account mentee = signUpWith("Sven", "Ortner", "EN", "Europe/Vienna", "MENTEE");

		// the default text: in the mentor's language (German), exactly what
		// me.declineTemplate
		// shows the mentor, placeholders filled; the mail around it in the mentee's
		// (English)
		String shown = as(mentor).document("{ me { declineTemplate } }")
			.execute()
			.path("me.declineTemplate")
			.entity(String.class)
			.get();
		assertThat(shown).startsWith("Guten Tag {menteeName},");
		String expectedText = shown.replace("{menteeName}", "Sven Ortner").replace("{mentorName}", "Rita Stein");
		UUID first = this.scenarios.requestedWithMessage(mentee, mentor);
		var declined = this.scenarios.decline(mentor, first, null);
		declined.path("declineMentorshipRequest.mentorship.status").entity(String.class).isEqualTo("DECLINED");
		declined.path("declineMentorshipRequest.mentorship.declineMessage")
			.entity(String.class)
			.isEqualTo(expectedText);
		runJobs(first);
		MimeMessage defaultMail = mail.to(mentee.email()).get(0);
		assertThat(defaultMail.getSubject()).isEqualTo("Your mentorship request to Rita Stein");
		assertThat(TestMailServer.text(defaultMail).replace("\r\n", "\n")).startsWith("Dear Sven Ortner,")
			.contains("Rita Stein cannot take on your mentorship request")
			.contains(expectedText);
		assertThat(TestMailServer.html(defaultMail)).contains("Guten Tag Sven Ortner,").contains("Dear Sven Ortner,");

		// the mentor's own template; expressions in it are text, not code
		String template = "Hallo {menteeFirstName}, ${7*7} #{7*7} [[${7*7}]] __${7*7}__ $P{x} <b>bold</b> – {mentorFirstName}";
		as(mentor).document("mutation($t: String!) { setDeclineTemplate(input: {text: $t}) { declineTemplate } }")
			.variable("t", template)
			.execute()
			.path("setDeclineTemplate.declineTemplate")
			.entity(String.class)
			.isEqualTo(template);
		as(mentor).document("{ me { declineTemplate } }")
			.execute()
			.path("me.declineTemplate")
			.entity(String.class)
			.isEqualTo(template);
		mail.purge();
		UUID second = this.scenarios.requestedWithMessage(mentee, mentor);
		this.scenarios.decline(mentor, second, null);
		runJobs(second);
		String expected = "Hallo Sven, ${7*7} #{7*7} [[${7*7}]] __${7*7}__ $P{x} <b>bold</b> – Rita";
		MimeMessage templated = mail.to(mentee.email()).get(0);
		assertThat(TestMailServer.text(templated)).contains(expected).doesNotContainPattern("\\b49\\b");
		assertThat(TestMailServer.html(templated)).doesNotContainPattern("\\b49\\b")
			.doesNotContain("<b>bold</b>")
			.contains("&lt;b&gt;bold&lt;/b&gt;"); // the HTML part escapes it

		// an edited message for this one decline
		mail.purge();
		UUID third = this.scenarios.requestedWithMessage(mentee, mentor);
		this.scenarios.decline(mentor, third, "Sorry {menteeFirstName}, not this year.")
			.path("declineMentorshipRequest.mentorship.declineMessage")
			.entity(String.class)
			.isEqualTo("Sorry Sven, not this year.");
	}

	@Test
	void menteeWithdrawsAndTheMentorIsTold() {
		Account mentor = signUpWith("Tina", "Graf", "EN", "Europe/Vienna", "MENTOR");
		Account mentee = signUp("Uwe", "Ebner", "MENTEE");
		UUID id = this.scenarios.requestedWithMessage(mentee, mentor);
		expectCode(this.scenarios.act(mentor, "withdrawMentorshipRequest", id), "NOT_YOUR_TURN");
		this.scenarios.act(mentee, "withdrawMentorshipRequest", id)
			.path("withdrawMentorshipRequest.mentorship.status")
			.entity(String.class)
			.isEqualTo("WITHDRAWN");
		as(mentor).documentName("myTasks").execute().path("myTasks.edges").entityList(Object.class).hasSize(0);
		expectCode(this.scenarios.act(mentor, "acceptMentorshipRequest", id), "WRONG_STATE");
		runJobs(id);
		assertThat(mail.to(mentor.email())).extracting(MimeMessage::getSubject)
			.containsExactlyInAnyOrder("New mentorship request from Uwe Ebner",
					"Uwe Ebner withdrew the mentorship request");
		assertThat(processInstanceIds(id)).isEmpty();
	}

	@Test
	void onlyTheParticipantsSeeAndActOnARequest() {
		Account mentor = signUp("Vera", "Holz", "MENTOR");
		Account otherMentor = signUp("Walter", "Kern", "MENTOR");
		Account mentee = signUp("Xaver", "Lutz", "MENTEE");
		Account third = signUp("Yvonne", "Rath", "MENTEE");
		UUID id = this.scenarios.requestedWithMessage(mentee, mentor);
		long[] before = mentorshipFootprint();

		for (Account stranger : List.of(third, otherMentor)) {
			as(stranger).document("query($id: ID!) { mentorship(id: $id) { id requestMessage } }")
				.variable("id", id)
				.execute()
				.errors()
				.expect((error) -> "NOT_FOUND".equals(error.getExtensions().get("code")))
				.verify();
			for (String mutation : List.of("acceptMentorshipRequest", "withdrawMentorshipRequest")) {
				expectCode(this.scenarios.act(stranger, mutation, id), "NOT_FOUND");
			}
			expectCode(this.scenarios.decline(stranger, id, null), "NOT_FOUND");
			as(stranger).documentName("myTasks").execute().path("myTasks.edges").entityList(Object.class).hasSize(0);
		}
		// the mentee acting as the mentor
		expectCode(this.scenarios.act(mentee, "acceptMentorshipRequest", id), "NOT_YOUR_TURN");
		expectCode(this.scenarios.decline(mentee, id, null), "NOT_YOUR_TURN");
		anonymous().document("query($id: ID!) { mentorship(id: $id) { id } }")
			.variable("id", id)
			.execute()
			.errors()
			.expect((error) -> "UNAUTHORIZED".equals(error.getExtensions().get("code")))
			.verify();
		assertThat(mentorshipFootprint()).containsExactly(before);

		as(mentor).document("{ myMentorships { edges { node { id myRole mentee { firstName } } } } }")
			.execute()
			.path("myMentorships.edges[0].node.mentee.firstName")
			.entity(String.class)
			.isEqualTo("Xaver");
	}

	@Test
	void unansweredRequestIsRemindedAndExpires() throws Exception {
		Account mentor = signUp("Zora", "Frank", "MENTOR");
		Account mentee = signUpWith("Adam", "Berg", "EN", "America/New_York", "MENTEE");
		this.clock.setTo(java.time.Instant.parse("2026-03-02T09:00:00Z"));
		UUID id = this.scenarios.requestedWithMessage(mentee, mentor);
		runJobs(id);
		assertThat(mail.to(mentor.email())).hasSize(1);

		this.clock.advance(java.time.Duration.ofDays(3).plusMinutes(1));
		runJobs(id);
		assertThat(mail.to(mentor.email())).extracting(MimeMessage::getSubject)
			.contains("Erinnerung: Adam Berg wartet auf Ihre Antwort");
		// a reminder does not end the request: the mentor can still accept
		this.scenarios.act(mentor, "acceptMentorshipRequest", id);
		assertThat(this.jdbc.queryForObject("select status from mentorships where id = ?", String.class, id.toString()))
			.isEqualTo("ACCEPTED");

		// a second request that nobody answers
		Account mentor2 = signUp("Bea", "Kurz", "MENTOR");
		UUID expiring = this.scenarios.requestedWithMessage(mentee, mentor2);
		this.clock.advance(java.time.Duration.ofDays(14).plusMinutes(1));
		runJobs(expiring);
		as(mentee).document("query($id: ID!) { mentorship(id: $id) { status endedAt } }")
			.variable("id", expiring)
			.execute()
			.path("mentorship.status")
			.entity(String.class)
			.isEqualTo("EXPIRED");
		assertThat(mail.to(mentee.email())).extracting(MimeMessage::getSubject)
			.contains("Your mentorship request to Bea Kurz expired");
		// two weeks later the mentor's token from the sign-up has expired
		as(signIn(mentor2)).documentName("myTasks").execute().path("myTasks.edges").entityList(Object.class).hasSize(0);
		assertThat(processInstanceIds(expiring)).isEmpty();
		// the mentee is free to ask again
		this.scenarios.requestedWithMessage(mentee, mentor2);
	}

}
