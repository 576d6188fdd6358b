package at.alma.mentoring.member;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;

import at.alma.mentoring.ApiTest;
import at.alma.mentoring.Scenarios;
import at.alma.mentoring.TestMailServer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Verified addresses through {@code /graphql} and real mails: the sign-up link, what an
 * unverified member cannot do, a new link, {@code changeEmail} and its refusals, mails
 * composed for the address in force when sent, and ADMIN only for a verified configured
 * address.
 */
class EmailVerificationTests extends ApiTest {

	private static final String ME = "{ me { email emailVerified pendingEmail roles } }";

	private static final String RESEND = "mutation { requestEmailVerification { requested } }";

	private static final String CHANGE = """
			mutation($e: String!, $p: String!) {
			  changeEmail(input: {newEmail: $e, password: $p}) { me { email pendingEmail emailVerified } }
			}""";

	@Autowired
	EmailVerificationSettings settings;

	@Test
	void untilTheSignUpLinkIsFollowedAMemberCannotRequestAndIsNotInTheDirectory() {
		Account mentor = signUp("Vera", "Verified", "MENTOR");
		Account mentee = this.scenarios.signUpUnverified("Ulla", "Unbestaetigt", "MENTEE");
		Account hidden = this.scenarios.signUpUnverified("Udo", "Unsichtbar", "MENTOR");
		String topic = "Unverified " + UUID.randomUUID();
		as(hidden).document("mutation($t: String!) { updateProfile(input: {topics: [$t]}) { me { topics } } }")
			.variable("t", topic)
			.execute()
			.path("updateProfile.me.topics")
			.entityList(String.class)
			.containsExactly(topic);
		as(mentee).document(ME).execute().path("me.emailVerified").entity(Boolean.class).isEqualTo(false);

		long[] before = mentorshipFootprint();
		expectCode(this.scenarios.request(mentee, mentor, null), "EMAIL_NOT_VERIFIED");
		Account other = signUp("Olga", "Other", "MENTEE");
		expectCode(this.scenarios.request(other, hidden, null), "MENTOR_UNAVAILABLE");
		assertThat(mentorshipFootprint()).containsExactly(before);
		assertThat(directory(other, topic)).isEmpty();

		// the mail, in the member's language, with the link the frontend shows
		runJobs(mentee.id());
		List<MimeMessage> mails = mail.take(mentee.email());
		assertThat(mails).hasSize(1);
		assertThat(subject(mails.get(0))).isEqualTo("Confirm your e-mail address for alma mentoring");
		assertThat(TestMailServer.text(mails.get(0))).contains("http://localhost:5173/verify-email?token=");
		String token = Scenarios.verificationToken(mails);
		verify(token).path("verifyEmail.verified").entity(Boolean.class).isEqualTo(true);
		as(mentee).document(ME).execute().path("me.emailVerified").entity(Boolean.class).isEqualTo(true);
		this.scenarios.request(mentee, mentor, null)
			.path("requestMentorship.mentorship.status")
			.entity(String.class)
			.isEqualTo("REQUESTED");

		expectCode(verify(token), "VERIFICATION_TOKEN_USED");
		this.scenarios.verifyEmail(hidden);
		assertThat(directory(other, topic)).containsExactly(hidden.id().toString());
	}

	@Test
	void anUnverifiedMemberCannotAcceptMessageOrPropose() {
		Account mentee = signUp("Mia", "Mentee", "MENTEE");
		Account mentor = signUp("Max", "Mentor", "MENTOR");
		UUID active = active(mentee, mentor);
		Account second = signUp("Sina", "Second", "MENTEE");
		Account secondMentor = signUp("Sepp", "Second", "MENTOR");
		UUID requested = requested(second, secondMentor);
		// as if the addresses had never been verified (every member before V19 counts as
		// verified; a new one cannot get this far unverified)
		this.jdbc.update("update members set email_verified_at = null where id in (?, ?, ?)", mentee.id().toString(),
				mentor.id().toString(), secondMentor.id().toString());

		expectCode(this.scenarios.act(secondMentor, "acceptMentorshipRequest", requested), "EMAIL_NOT_VERIFIED");
		expectCode(this.scenarios.send(mentee, active, "Hallo"), "EMAIL_NOT_VERIFIED");
		expectCode(this.scenarios.propose(mentee, active, false, Scenarios.slot("2027-03-10T10:00Z")),
				"EMAIL_NOT_VERIFIED");
		assertThat(count("chat_messages where mentorship_id = '" + active + "'")).isZero();
		assertThat(count("meetings where mentorship_id = '" + active + "'")).isZero();
		assertThat(this.jdbc.queryForObject("select status from mentorships where id = ?", String.class,
				requested.toString()))
			.isEqualTo("REQUESTED");
	}

	@Test
	void aNewLinkCanBeAskedForWhileTheOldOneIsRefusedOnceExpiredOrAltered() {
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		this.clock.setTo(now);
		Account member = this.scenarios.signUpUnverified("Erna", "Expired", "MENTEE");
		runJobs(member.id());
		String first = Scenarios.verificationToken(mail.take(member.email()));
		expectCode(verify(first.substring(0, first.length() - 2) + "xx"), "VERIFICATION_TOKEN_INVALID");
		expectCode(verify(UUID.randomUUID() + ".abc"), "VERIFICATION_TOKEN_INVALID");
		this.clock.setTo(now.plus(this.settings.tokenLifetime()));
		expectCode(verify(first), "VERIFICATION_TOKEN_EXPIRED");
		Account signedIn = signIn(member);
		as(signedIn).document(ME).execute().path("me.emailVerified").entity(Boolean.class).isEqualTo(false);

		as(signedIn).document(RESEND)
			.execute()
			.path("requestEmailVerification.requested")
			.entity(Boolean.class)
			.isEqualTo(true);
		runJobs(member.id());
		verify(Scenarios.verificationToken(mail.take(member.email()))).path("verifyEmail.verified")
			.entity(Boolean.class)
			.isEqualTo(true);
		expectCode(as(signedIn).document(RESEND).execute(), "EMAIL_ALREADY_VERIFIED");
		expectCode(anonymous().document(RESEND).execute(), "UNAUTHORIZED");
	}

	@Test
	void newLinksAreThrottledPerMember() {
		Account member = this.scenarios.signUpUnverified("Theo", "Throttle", "MENTEE");
		for (int i = 0; i < this.settings.requestsPerMember(); i++) {
			as(member).document(RESEND).execute().path("requestEmailVerification.requested").hasValue();
		}
		expectCode(as(member).document(RESEND).execute(), "TOO_MANY_VERIFICATION_REQUESTS");
		runJobs(member.id());
		// the sign-up's mail and one per granted request
		assertThat(mail.take(member.email())).hasSize(1 + this.settings.requestsPerMember());
	}

	@Test
	void aNewAddressTakesEffectOnlyOnceVerifiedAndTheOldOneIsTold() {
		Account member = signUpWith("Clemens", "Change", "DE", "Europe/Vienna", "MENTEE");
		String newEmail = "clemens.new." + UUID.randomUUID() + "@alma.test";
		expectCode(as(member).document(CHANGE).variable("e", newEmail).variable("p", "wrong password").execute(),
				"WRONG_PASSWORD");
		expectInvalid(as(member).document(CHANGE).variable("e", "not an address").variable("p", PASSWORD).execute(),
				"input.newEmail");
		as(member).document(CHANGE)
			.variable("e", member.email())
			.variable("p", PASSWORD)
			.execute()
			.errors()
			.expect((error) -> "EMAIL_UNCHANGED".equals(error.getExtensions().get("code"))
					&& "input.newEmail".equals(error.getExtensions().get("field")))
			.verify();

		var changed = as(member).document(CHANGE).variable("e", newEmail).variable("p", PASSWORD).execute();
		changed.path("changeEmail.me.email").entity(String.class).isEqualTo(member.email());
		changed.path("changeEmail.me.pendingEmail").entity(String.class).isEqualTo(newEmail);
		runJobs(member.id());
		// until the link is followed, the old address is the account's
		expectSignIn(member.email(), true);
		expectSignIn(newEmail, false);
		List<MimeMessage> notice = mail.take(member.email());
		assertThat(notice).hasSize(1);
		assertThat(subject(notice.get(0)))
			.isEqualTo("Die E-Mail-Adresse Ihres Kontos bei alma Mentoring soll sich ändern");
		assertThat(TestMailServer.text(notice.get(0))).contains("cl***@alma.test").doesNotContain("verify-email");
		List<MimeMessage> link = mail.take(newEmail);
		assertThat(subject(link.get(0))).isEqualTo("Bestätigen Sie Ihre neue E-Mail-Adresse für alma Mentoring");

		String token = Scenarios.verificationToken(link);
		verify(token).path("verifyEmail.verified").entity(Boolean.class).isEqualTo(true);
		var me = as(member).document(ME).execute();
		me.path("me.email").entity(String.class).isEqualTo(newEmail);
		me.path("me.pendingEmail").valueIsNull();
		me.path("me.emailVerified").entity(Boolean.class).isEqualTo(true);
		expectSignIn(newEmail, true);
		expectSignIn(member.email(), false);
		expectCode(verify(token), "VERIFICATION_TOKEN_USED");
	}

	@Test
	void aLinkForAnAddressSinceChangedIsRefused() {
		// a sign-up link, after the address changed
		Account member = this.scenarios.signUpUnverified("Lena", "Link", "MENTEE");
		runJobs(member.id());
		String signUpLink = Scenarios.verificationToken(mail.take(member.email()));
		String second = "lena.second." + UUID.randomUUID() + "@alma.test";
		String third = "lena.third." + UUID.randomUUID() + "@alma.test";
		as(member).document(CHANGE)
			.variable("e", second)
			.variable("p", PASSWORD)
			.execute()
			.path("changeEmail")
			.hasValue();
		// a later change replaces the first one: its link no longer counts
		as(member).document(CHANGE)
			.variable("e", third)
			.variable("p", PASSWORD)
			.execute()
			.path("changeEmail")
			.hasValue();
		runJobs(member.id());
		String secondLink = Scenarios.verificationToken(mail.take(second));
		String thirdLink = Scenarios.verificationToken(mail.take(third));

		expectCode(verify(secondLink), "EMAIL_CHANGED");
		verify(thirdLink).path("verifyEmail.verified").entity(Boolean.class).isEqualTo(true);
		expectCode(verify(signUpLink), "EMAIL_CHANGED");
		as(member).document(ME).execute().path("me.email").entity(String.class).isEqualTo(third);
	}

	@Test
	void aTakenAddressIsAnsweredLikeAFreeOneAndItsOwnerIsTold() {
		Account member = signUp("Tina", "Taken", "MENTEE");
		Account owner = signUp("Otto", "Owner", "MENTEE");
		var changed = as(member).document(CHANGE).variable("e", owner.email()).variable("p", PASSWORD).execute();
		changed.path("changeEmail.me.email").entity(String.class).isEqualTo(member.email());
		changed.path("changeEmail.me.pendingEmail").entity(String.class).isEqualTo(owner.email());
		runJobs(member.id());
		runJobs(owner.id());

		assertThat(mail.take(member.email())).singleElement()
			.satisfies((notice) -> assertThat(subject(notice))
				.isEqualTo("Die E-Mail-Adresse Ihres Kontos bei alma Mentoring soll sich ändern"));
		List<MimeMessage> toOwner = mail.take(owner.email());
		assertThat(toOwner).singleElement().satisfies((notice) -> {
			assertThat(subject(notice)).isEqualTo("Jemand wollte Ihre E-Mail-Adresse bei alma Mentoring verwenden");
			assertThat(TestMailServer.text(notice)).doesNotContain("verify-email");
		});
		as(member).document(ME).execute().path("me.email").entity(String.class).isEqualTo(member.email());
		expectSignIn(owner.email(), true);
		// asking for the link again tells nothing either: the owner is told again
		as(member).document(RESEND).execute().path("requestEmailVerification.requested").hasValue();
		runJobs(member.id());
		runJobs(owner.id());
		assertThat(mail.take(owner.email())).hasSize(1);
		assertThat(mail.take(member.email())).isEmpty();
	}

	@Test
	void aMailIsSentToTheAddressInForceWhenItIsSent() {
		Account mentee = signUp("Sara", "Sender", "MENTEE");
		Account mentor = signUp("Moritz", "Moved", "MENTOR");
		UUID mentorship = requested(mentee, mentor);
		// the request's mail to the mentor waits in its job while the mentor moves
		String moved = "moritz.moved." + UUID.randomUUID() + "@alma.test";
		as(mentor).document(CHANGE)
			.variable("e", moved)
			.variable("p", PASSWORD)
			.execute()
			.path("changeEmail")
			.hasValue();
		runJobs(mentor.id());
		mail.take(mentor.email());
		verify(Scenarios.verificationToken(mail.take(moved))).path("verifyEmail.verified").hasValue();

		runJobs(mentorship);
		assertThat(mail.to(moved)).hasSize(1);
		assertThat(mail.to(mentor.email())).isEmpty();
	}

	@Test
	void aConfiguredAdminAddressBringsAdminOnlyOnceVerified() {
		String address = "pending.admin@alma.test";
		// a database kept from an earlier run: free the address again
		this.jdbc.update("update members set email = ? where email = ?", "former." + UUID.randomUUID() + "@alma.test",
				address);
		var signedUp = anonymous()
			.document("mutation($input: SignUpInput!) { signUp(input: $input) { token me { id roles } } }")
			.variable("input",
					Map.of("email", address, "password", PASSWORD, "firstName", "Pia", "lastName", "Pending", "roles",
							List.of("MENTOR")))
			.execute();
		Account pending = new Account(UUID.fromString(signedUp.path("signUp.me.id").entity(String.class).get()),
				address, signedUp.path("signUp.token").entity(String.class).get());
		signedUp.path("signUp.me.roles").entityList(String.class).containsExactly("MENTOR");
		Account signedIn = signIn(pending);
		expectCode(as(signedIn).document("{ adminActions(first: 1) { edges { cursor } } }").execute(), "FORBIDDEN");
		as(signedIn).document(ME).execute().path("me.roles").entityList(String.class).containsExactly("MENTOR");

		this.scenarios.verifyEmail(pending);
		Account admin = signIn(pending);
		as(admin).document(ME).execute().path("me.roles").entityList(String.class).contains("ADMIN");
		as(admin).document("{ adminActions(first: 1) { edges { cursor } } }").execute().path("adminActions").hasValue();
		// free the address for the next run on a kept database
		this.jdbc.update("update members set email = ? where id = ?", "former." + UUID.randomUUID() + "@alma.test",
				pending.id().toString());
	}

	private GraphQlTester.Response verify(String token) {
		return anonymous().documentName("verifyEmail").variable("token", token).execute();
	}

	private List<String> directory(Account caller, String topic) {
		return as(caller).document("""
				query($t: String) { mentors(topic: $t, first: 100) { edges { node { id } } } }""")
			.variable("t", topic)
			.execute()
			.path("mentors.edges[*].node.id")
			.entityList(String.class)
			.get();
	}

	private void expectSignIn(String email, boolean succeeds) {
		GraphQlTester.Response response = anonymous()
			.document("mutation($e: String!, $p: String!) { signIn(input: {email: $e, password: $p}) { token } }")
			.variable("e", email)
			.variable("p", PASSWORD)
			.execute();
		if (succeeds) {
			response.path("signIn.token").hasValue();
		}
		else {
			expectCode(response, "INVALID_CREDENTIALS");
		}
	}

	private static String subject(MimeMessage message) {
		try {
			return message.getSubject();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
