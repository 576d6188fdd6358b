package at.alma.mentoring.mentorship;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import at.alma.mentoring.ApiTest;

import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * Request → withdraw → request mails the mentor twice per cycle: the requests a mentee
 * sends are limited per mentor and in all, within a window.
 */
class RequestLimitTests extends ApiTest {

	@Test
	void aMenteeCannotCycleRequestsToOneMentorWithoutLimit() {
		Account mentee = signUp("Cycle", "Mentee", "MENTEE");
		Account mentor = signUp("Cycle", "Mentor", "MENTOR");
		for (int i = 0; i < 3; i++) {
			withdraw(mentee, requested(mentee, mentor));
		}
		expectCode(request(mentee, mentor), "REQUEST_LIMIT");
		// another mentor is still fine, and after the window this one is too
		request(mentee, signUp("Other", "Mentor", "MENTOR")).errors().verify();
		this.clock.advance(Duration.ofDays(7).plusMinutes(1));
		request(signIn(mentee), mentor).errors().verify();
	}

	@Test
	void aMenteeCannotSendRequestsToManyMentorsWithoutLimit() {
		Account mentee = signUp("Many", "Mentee", "MENTEE");
		for (int i = 0; i < 10; i++) {
			withdraw(mentee, requested(mentee, signUp("Many", "Mentor" + i, "MENTOR")));
		}
		expectCode(request(mentee, signUp("Many", "Eleventh", "MENTOR")), "REQUEST_LIMIT");
	}

	private GraphQlTester.Response request(Account mentee, Account mentor) {
		return as(mentee)
			.document("mutation($id: ID!) { requestMentorship(input: {mentorId: $id}) { mentorship { id } } }")
			.variable("id", mentor.id())
			.execute();
	}

	private void withdraw(Account mentee, UUID mentorship) {
		as(mentee).document(
				"mutation($id: ID!) { withdrawMentorshipRequest(input: {mentorshipId: $id}) { mentorship { status } } }")
			.variable("id", mentorship)
			.execute()
			.path("withdrawMentorshipRequest.mentorship.status")
			.entity(String.class)
			.isEqualTo("WITHDRAWN");
	}

}
