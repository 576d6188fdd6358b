package at.alma.mentoring.member;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import at.alma.mentoring.ApiTest;
import at.alma.mentoring.TestMailServer;
import org.junit.jupiter.api.Test;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Suspension by an admin through {@code /graphql}: the member's tokens stop, sign-in is
 * refused, the directory and requests leave them out; their open requests and mentorships
 * end through the mentorship module's own steps, the other side told by mail; mails to
 * them are skipped. Refusals change nothing.
 */
class SuspensionTests extends ApiTest {

	private static final String SUSPEND = """
			mutation($id: ID!, $reason: String!) {
			  suspendMember(input: {memberId: $id, reason: $reason}) { member { id status suspendedAt suspensionReason } }
			}""";

	private static final String REACTIVATE = """
			mutation($id: ID!) { reactivateMember(input: {memberId: $id}) { member { status suspendedAt } } }""";

	private static final String MENTORS = """
			query($topic: String) { mentors(topic: $topic) { edges { node { id } } } }""";

	@Test
	void aSuspendedMemberCannotSignInLosesTheirTokensAndLeavesTheDirectoryUntilReactivated() {
		Account admin = admin();
		Account mentor = signUp("Sven", "Gesperrt", "MENTOR");
		Account mentee = signUp("Mona", "Suchend", "MENTEE");
		String topic = "suspension-" + UUID.randomUUID();
		as(mentor).document("mutation($t: String!) { updateProfile(input: {topics: [$t]}) { me { id } } }")
			.variable("t", topic)
			.execute()
			.errors()
			.verify();
		assertThat(directory(mentee, topic)).containsExactly(mentor.id().toString());

		var response = as(admin).document(SUSPEND)
			.variable("id", mentor.id())
			.variable("reason", "Spam in the wiki")
			.execute();
		response.path("suspendMember.member.status").entity(String.class).isEqualTo("SUSPENDED");
		response.path("suspendMember.member.suspensionReason").entity(String.class).isEqualTo("Spam in the wiki");

		expectRevoked(mentor.token());
		expectCode(signInResponse(mentor.email(), PASSWORD), "ACCOUNT_SUSPENDED");
		// without the password nothing tells the account is suspended
		expectCode(signInResponse(mentor.email(), "not the password"), "INVALID_CREDENTIALS");
		assertThat(directory(mentee, topic)).isEmpty();
		expectCode(as(mentee)
			.document("mutation($id: ID!) { requestMentorship(input: {mentorId: $id}) { mentorship { id } } }")
			.variable("id", mentor.id())
			.execute(), "MENTOR_UNAVAILABLE");

		as(admin).document(REACTIVATE)
			.variable("id", mentor.id())
			.execute()
			.path("reactivateMember.member.status")
			.entity(String.class)
			.isEqualTo("ACTIVE");
		// the tokens from before the suspension stay revoked; a new sign-in works
		expectRevoked(mentor.token());
		Account back = signIn(mentor);
		as(back).document("{ me { id } }").execute().errors().verify();
		assertThat(directory(mentee, topic)).containsExactly(mentor.id().toString());
	}

	@Test
	void theirOpenRequestsAndMentorshipsEndAndTheOtherSideIsToldButTheyGetNoMail() {
		Account admin = admin();
		Account mentor = signUp("Max", "Gesperrt", "MENTOR", "MENTEE");
		Account waiting = signUp("Wanda", "Wartend", "MENTEE");
		Account partner = signUp("Paul", "Partner", "MENTEE");
		Account otherMentor = signUp("Olga", "Andere", "MENTOR");
		as(mentor).document("mutation { updateProfile(input: {mentorCapacity: 2}) { me { id } } }")
			.execute()
			.errors()
			.verify();
		UUID ongoing = accepted(partner, mentor);
		UUID request = requested(waiting, mentor);
		UUID ownRequest = requested(mentor, otherMentor);
		runJobs(ownRequest);
		// the request-received mail to the mentor is still to be sent when the suspension
		// comes
		mail.purge();

		as(admin).document(SUSPEND)
			.variable("id", mentor.id())
			.variable("reason", "Harassment")
			.execute()
			.errors()
			.verify();
		runJobs(ongoing);
		runJobs(request);
		runJobs(ownRequest);

		assertThat(status(waiting, request)).isEqualTo("DECLINED");
		as(waiting).document("query($id: ID!) { mentorship(id: $id) { declineMessage } }")
			.variable("id", request)
			.execute()
			.path("mentorship.declineMessage")
			.entity(String.class)
			.satisfies((text) -> assertThat(text).contains("not available").doesNotContain("Harassment"));
		assertThat(status(partner, ongoing)).isEqualTo("TERMINATED");
		assertThat(status(otherMentor, ownRequest)).isEqualTo("WITHDRAWN");

		assertThat(mail.to(waiting.email())).singleElement()
			.satisfies((message) -> assertThat(TestMailServer.text(message))
				.contains("Max Gesperrt steht für Mentoring nicht mehr zur Verfügung")
				// the stored neutral text is no message of the mentor's: not quoted
				.doesNotContain(MentorshipTexts.SUSPENDED_MENTOR_DECLINE)
				.doesNotContain("Harassment"));
		assertThat(mail.to(partner.email())).singleElement()
			.satisfies((message) -> assertThat(TestMailServer.text(message))
				.contains("weil das Konto von Max Gesperrt nicht mehr aktiv ist")
				.doesNotContain(MentorshipTexts.SUSPENDED_PARTNER_END)
				.doesNotContain("Harassment"));
		assertThat(mail.to(otherMentor.email())).hasSize(1);
		assertThat(mail.to(mentor.email())).isEmpty();
		// the request-received mail of the request that was waiting: recorded as skipped
		assertThat(this.jdbc.queryForList("select template from sent_mails where recipient = ? and skipped = ?",
				String.class, mentor.email(), "RECIPIENT_SUSPENDED"))
			.contains("request-received");
		assertThat(jobs(request)).isEmpty();
		assertThat(jobs(ongoing)).isEmpty();
	}

	@Test
	void onlyAdminsSuspendAndNeitherThemselvesNorAnotherAdmin() {
		Account admin = admin();
		Account member = signUp("Nina", "Normal", "MENTEE");
		Account other = signUp("Otto", "Opfer", "MENTEE");
		Account granted = signUp("Greta", "Admin", "MENTOR");
		this.jdbc.update("insert into member_roles (member_id, role) values (?, 'ADMIN')", granted.id().toString());

		expectCode(as(member).document(SUSPEND).variable("id", other.id()).variable("reason", "x").execute(),
				"FORBIDDEN");
		expectCode(as(member).document(REACTIVATE).variable("id", other.id()).execute(), "FORBIDDEN");
		expectCode(as(admin).document(SUSPEND).variable("id", admin.id()).variable("reason", "x").execute(),
				"CANNOT_SUSPEND_SELF");
		expectCode(as(admin).document(SUSPEND).variable("id", granted.id()).variable("reason", "x").execute(),
				"CANNOT_SUSPEND_ADMIN");
		expectInvalid(as(admin).document(SUSPEND).variable("id", other.id()).variable("reason", " ").execute(),
				"input.reason");
		expectCode(as(admin).document(SUSPEND).variable("id", UUID.randomUUID()).variable("reason", "x").execute(),
				"NOT_FOUND");
		expectCode(as(admin).document(REACTIVATE).variable("id", other.id()).execute(), "NOT_SUSPENDED");
		for (Account untouched : List.of(admin, member, other, granted)) {
			as(untouched).document("{ me { id } }").execute().errors().verify();
		}

		as(admin).document(SUSPEND).variable("id", other.id()).variable("reason", "x").execute().errors().verify();
		expectCode(as(admin).document(SUSPEND).variable("id", other.id()).variable("reason", "y").execute(),
				"ALREADY_SUSPENDED");
	}

	@Test
	void adminsFindMembersByNameOrAddressAndSeeEveryAdminAction() {
		Account admin = admin();
		String family = "Findling" + UUID.randomUUID().toString().substring(0, 8);
		Account anna = signUp("Anna", family, "MENTEE");
		Account bernd = signUp("Bernd", family, "MENTOR");
		Account member = signUp("Nina", "Neugierig", "MENTEE");

		assertThat(search(admin, family.toUpperCase(), null, null)).containsExactly(anna.email(), bernd.email());
		assertThat(search(admin, "anna " + family.toLowerCase(), null, null)).containsExactly(anna.email());
		assertThat(search(admin, bernd.email().toUpperCase(), null, null)).containsExactly(bernd.email());
		assertThat(search(admin, family, "MENTOR", null)).containsExactly(bernd.email());
		assertThat(search(admin, "%", null, null)).doesNotContain(anna.email());

		// one second apart, so "newest first" has one answer
		this.clock.setTo(Instant.now().truncatedTo(ChronoUnit.SECONDS));
		as(admin).document(SUSPEND).variable("id", anna.id()).variable("reason", "Fake profile").execute();
		assertThat(search(admin, family, null, "SUSPENDED")).containsExactly(anna.email());
		assertThat(search(admin, family, null, "ACTIVE")).containsExactly(bernd.email());
		this.clock.advance(Duration.ofSeconds(1));
		as(admin).document(REACTIVATE).variable("id", anna.id()).execute().errors().verify();

		// other tests' admins act too (at their own test times): Anna's actions, newest
		// first
		List<Map<String, Object>> annas = as(admin).document("""
				{ adminActions(first: 100) { edges { node { adminId action memberId reason actedAt } } } }""")
			.execute()
			.path("adminActions.edges[*].node")
			.entityList(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.get()
			.stream()
			.filter((node) -> anna.id().toString().equals(node.get("memberId")))
			.toList();
		assertThat(annas).extracting((node) -> node.get("action"))
			.containsExactly("REACTIVATE_MEMBER", "SUSPEND_MEMBER");
		assertThat(annas).extracting((node) -> node.get("adminId")).containsOnly(admin.id().toString());
		assertThat(annas.get(1).get("reason")).isEqualTo("Fake profile");

		expectCode(as(member).document("{ members { edges { node { email } } } }").execute(), "FORBIDDEN");
		expectCode(as(member).document("{ adminActions { edges { node { reason } } } }").execute(), "FORBIDDEN");
	}

	private List<String> search(Account admin, String search, String role, String status) {
		return as(admin).document("""
				query($s: String, $r: Role, $st: AccountStatus) {
				  members(search: $s, role: $r, status: $st, first: 100) { edges { node { email } } }
				}""")
			.variable("s", search)
			.variable("r", role)
			.variable("st", status)
			.execute()
			.path("members.edges[*].node.email")
			.entityList(String.class)
			.get();
	}

	private List<String> directory(Account caller, String topic) {
		return as(caller).document(MENTORS)
			.variable("topic", topic)
			.execute()
			.path("mentors.edges[*].node.id")
			.entityList(String.class)
			.get();
	}

	private String status(Account participant, UUID mentorship) {
		return as(participant).document("query($id: ID!) { mentorship(id: $id) { status } }")
			.variable("id", mentorship)
			.execute()
			.path("mentorship.status")
			.entity(String.class)
			.get();
	}

	private GraphQlTester.Response signInResponse(String email, String password) {
		return anonymous()
			.document("mutation($e: String!, $p: String!) { signIn(input: {email: $e, password: $p}) { token } }")
			.variable("e", email)
			.variable("p", password)
			.execute();
	}

	/** The neutral texts the mentorship module writes (MentorshipsOfSuspendedMembers). */
	static final class MentorshipTexts {

		static final String SUSPENDED_MENTOR_DECLINE = "This mentor is not available for mentoring any more";

		static final String SUSPENDED_PARTNER_END = "The account of your mentoring partner is no longer active";

		private MentorshipTexts() {
		}

	}

	private void expectRevoked(String token) {
		http().post()
			.uri("/graphql")
			.header("Authorization", "Bearer " + token)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("query", "{ me { id } }"))
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.UNAUTHORIZED)
			.expectBody()
			.jsonPath("$.errors[0].extensions.reason")
			.isEqualTo("REVOKED");
	}

}
