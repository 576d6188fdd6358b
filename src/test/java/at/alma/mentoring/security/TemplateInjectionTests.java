package at.alma.mentoring.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import at.alma.mentoring.TestMailServer;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Member-typed text is data, never a template or an expression: names, request and
 * decline messages, agreement texts, meeting messages, chat messages and wiki articles
 * carrying expression syntax of Spring EL, Thymeleaf and JasperReports come back and go
 * out in mails exactly as typed. (Certificates join this list with the certificate
 * module.)
 */
class TemplateInjectionTests extends GraphQlCalls {

	static final String PAYLOAD = "${7*7} #{7*7} [[${7*7}]] __${7*7}__ $P{x} [(${7*7})] *{7*7} {menteeName}x";

	static final String LITERAL = "${7*7} #{7*7} [[${7*7}]] __${7*7}__ $P{x} [(${7*7})] *{7*7}";

	@Test
	void memberTextIsPrintedLiterallyInMailsAndAnswers() {
		Account mentee = named(signUp("Inject", "Mentee", "MENTEE"));
		Account mentor = named(signUp("Inject", "Mentor", "MENTOR"));

		// a request message, then a decline text
		UUID declined = UUID.fromString(at(ok(call(mentee.token(),
				"mutation($id: ID!, $m: String) { requestMentorship(input: {mentorId: $id, message: $m}) { mentorship { id requestMessage } } }",
				Map.of("id", mentor.id(), "m", PAYLOAD))), "requestMentorship.mentorship.id"));
		runJobs(declined);
		expectLiteralIn(mail.to(mentor.email()));
		mail.purge();
		ok(call(mentor.token(),
				"mutation($id: ID!, $m: String) { declineMentorshipRequest(input: {mentorshipId: $id, message: $m}) { __typename } }",
				Map.of("id", declined, "m", PAYLOAD)));
		runJobs(declined);
		expectLiteralIn(mail.to(mentee.email()));
		mail.purge();

		// the agreement and the mentor's comment on it
		Account mentor2 = named(signUp("Inject", "Second", "MENTOR"));
		UUID id = UUID.fromString(at(ok(call(mentee.token(),
				"mutation($id: ID!) { requestMentorship(input: {mentorId: $id}) { mentorship { id } } }",
				Map.of("id", mentor2.id()))), "requestMentorship.mentorship.id"));
		ok(call(mentor2.token(),
				"mutation($id: ID!) { acceptMentorshipRequest(input: {mentorshipId: $id}) { __typename } }",
				Map.of("id", id)));
		runJobs(id);
		Map<String, Object> saved = ok(call(mentee.token(), """
				mutation($id: ID!, $t: String!) { saveAgreement(input: {mentorshipId: $id, periodStart: "2027-01-01",
				periodEnd: "2027-06-30", meetingCount: 3, contactKinds: [VIDEO], contactFrequency: $t, topics: [$t]})
				{ agreement { contactFrequency topics } } }""", Map.of("id", id, "t", LITERAL)));
		assertThat((String) at(saved, "saveAgreement.agreement.contactFrequency")).isEqualTo(LITERAL);
		ok(call(mentee.token(), "mutation($id: ID!) { submitAgreement(input: {mentorshipId: $id}) { __typename } }",
				Map.of("id", id)));
		runJobs(id);
		mail.purge();
		ok(call(mentor2.token(), """
				mutation($id: ID!, $c: String) { requestAgreementChanges(input: {mentorshipId: $id, version: 1,
				comment: $c}) { __typename } }""", Map.of("id", id, "c", PAYLOAD)));
		runJobs(id);
		expectLiteralIn(mail.to(mentee.email()));
		mail.purge();

		// a declined and a cancelled meeting
		UUID meeting = propose(mentee, id, "2027-03-01T10:00:00Z");
		ok(call(mentor2.token(),
				"mutation($id: ID!, $m: String!) { declineMeeting(input: {meetingId: $id, message: $m}) { __typename } }",
				Map.of("id", meeting, "m", PAYLOAD)));
		runJobs(id);
		runJobs(meeting);
		expectLiteralIn(mail.to(mentee.email()));
		mail.purge();
		UUID second = propose(mentee, id, "2027-03-02T10:00:00Z");
		ok(call(mentor2.token(),
				"mutation($id: ID!) { scheduleMeeting(input: {meetingId: $id, slot: 0}) { __typename } }",
				Map.of("id", second)));
		runJobs(id);
		runJobs(second);
		mail.purge();
		ok(call(mentee.token(),
				"mutation($id: ID!, $r: String!) { cancelMeeting(input: {meetingId: $id, reason: $r}) { __typename } }",
				Map.of("id", second, "r", PAYLOAD)));
		runJobs(id);
		runJobs(second);
		expectLiteralIn(mail.to(mentor2.email()));

		// chat and wiki answer with the text as written
		Map<String, Object> sent = ok(call(mentee.token(),
				"mutation($id: ID!, $t: String!) { sendMessage(input: {mentorshipId: $id, text: $t}) { message { text } } }",
				Map.of("id", id, "t", PAYLOAD)));
		assertThat((String) at(sent, "sendMessage.message.text")).isEqualTo(PAYLOAD);
		Map<String, Object> article = ok(call(mentee.token(),
				"mutation($t: String!) { createArticle(input: {title: $t, body: $t}) { article { title body } } }",
				Map.of("t", PAYLOAD)));
		assertThat((String) at(article, "createArticle.article.body")).isEqualTo(PAYLOAD);
		assertThat((String) at(article, "createArticle.article.title")).isEqualTo(PAYLOAD);

		// process variables hold ids and primitives; member text, if any, stays as typed
		List<Object> values = new ArrayList<>();
		for (UUID key : List.of(declined, id, meeting, second)) {
			for (String instance : processInstanceIds(key)) {
				values.addAll(this.runtimeService.getVariables(instance).values());
			}
		}
		assertThat(values).allSatisfy((value) -> {
			if (value instanceof String text && text.contains("7*7")) {
				assertThat(text).contains("${7*7}");
			}
		});
	}

	private Account named(Account account) {
		ok(call(account.token(),
				"mutation($n: String!) { updateProfile(input: {firstName: $n, lastName: $n}) { __typename } }",
				Map.of("n", LITERAL)));
		return account;
	}

	private UUID propose(Account mentee, UUID mentorshipId, String start) {
		return UUID.fromString(at(ok(call(mentee.token(), """
				mutation($id: ID!, $s: String!) { proposeMeeting(input: {mentorshipId: $id, slots: [{start: $s,
				durationMinutes: 60, kind: VIDEO, link: "https://meet.example.org/x"}]}) { meeting { id } } }""",
				Map.of("id", mentorshipId, "s", start))), "proposeMeeting.meeting.id"));
	}

	private static void expectLiteralIn(List<MimeMessage> messages) {
		assertThat(messages).isNotEmpty();
		assertThat(messages).anySatisfy((message) -> {
			assertThat(TestMailServer.text(message)).contains(LITERAL);
			assertThat(TestMailServer.html(message)).contains(LITERAL);
		});
		// the names (the literal payload) appear in every mail, evaluated in none
		assertThat(messages).allSatisfy((message) -> assertThat(TestMailServer.text(message)).contains("${7*7}"));
	}

	private static Map<String, Object> ok(Map<String, Object> response) {
		assertThat(errors(response)).as("errors").isEmpty();
		return response;
	}

}
