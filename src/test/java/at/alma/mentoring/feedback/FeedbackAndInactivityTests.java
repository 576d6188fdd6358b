package at.alma.mentoring.feedback;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;

import at.alma.mentoring.ApiTest;
import at.alma.mentoring.TestMailServer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static at.alma.mentoring.Scenarios.slot;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Feedback requests after a held meeting (answered through the mail's link, once) and on
 * inactivity (once per period, by the lifecycle's timer); admins read them all.
 */
class FeedbackAndInactivityTests extends ApiTest {

	private static final Pattern TOKEN = Pattern.compile("token=([A-Za-z0-9._-]+)");

	@Autowired
	FeedbackRequests feedback;

	@Test
	void feedbackAfterAMeetingIsAnsweredOnceThroughTheLink() {
		this.clock.setTo(Instant.parse("2027-06-01T08:00:00Z"));
		Account mentee = signUp("Olivia", "Answer", "MENTEE");
		Account mentor = signUp("Pascal", "Answer", "MENTOR");
		heldMeeting(mentee, mentor);
		mentee = signIn(mentee);
		mentor = signIn(mentor);

		String token = feedbackToken(mentee);
		var answered = anonymous().documentName("submitFeedback")
			.variable("input", java.util.Map.of("token", token, "rating", 5, "text", "Very helpful"))
			.execute();
		answered.path("submitFeedback.feedbackRequest.rating").entity(Integer.class).isEqualTo(5);
		// the link alone shows no profile: it may have been forwarded
		answered.path("submitFeedback.feedbackRequest.member").valueIsNull();
		expectCode(anonymous().documentName("submitFeedback")
			.variable("input", java.util.Map.of("token", token, "rating", 1))
			.execute(), "ALREADY_ANSWERED");
		String forged = token.substring(0, token.indexOf('.') + 1) + "AAAA" + token.substring(token.indexOf('.') + 5);
		expectCode(anonymous().documentName("submitFeedback")
			.variable("input", java.util.Map.of("token", forged, "rating", 3))
			.execute(), "NOT_FOUND");
		expectCode(anonymous().documentName("submitFeedback")
			.variable("input", java.util.Map.of("token", token.substring(0, token.indexOf('.')) + ".x", "rating", 3))
			.execute(), "NOT_FOUND");

		// the mentee sees their own answer; the mentor sees only their own (unanswered)
		// request
		as(mentee).document("{ me { feedbackRequests { occasion rating answer } } }")
			.execute()
			.path("me.feedbackRequests[0].answer")
			.entity(String.class)
			.isEqualTo("Very helpful");
		var mentorsView = as(mentor).document("{ me { feedbackRequests { id occasion rating answer } } }").execute();
		mentorsView.path("me.feedbackRequests[0].answer").valueIsNull();
		String mentorsRequest = mentorsView.path("me.feedbackRequests[0].id").entity(String.class).get();
		expectCode(as(mentee).documentName("submitFeedback").variable("input", java.util.Map.of("rating", 2)).execute(),
				"INVALID_INPUT");
		// signed in, with the request's id: only one's own
		expectCode(as(mentee).documentName("submitFeedback")
			.variable("input", java.util.Map.of("requestId", mentorsRequest, "rating", 2))
			.execute(), "NOT_FOUND");
		var own = as(mentor).documentName("submitFeedback")
			.variable("input", java.util.Map.of("requestId", mentorsRequest, "rating", 4, "text", "Good"))
			.execute();
		own.path("submitFeedback.feedbackRequest.rating").entity(Integer.class).isEqualTo(4);
		own.path("submitFeedback.feedbackRequest.member.id").entity(String.class).isEqualTo(mentor.id().toString());
	}

	@Test
	void quietActiveMentorshipAsksBothOncePerPeriod() {
		Instant start = Instant.parse("2027-01-04T09:00:00Z");
		this.clock.setTo(start);
		Account mentee = signUp("Quirin", "Quiet", "MENTEE");
		Account mentor = signUp("Renate", "Quiet", "MENTOR");
		UUID mentorship = active(mentee, mentor);

		this.clock.setTo(start.plus(Duration.ofDays(29)));
		runJobs(mentorship);
		assertThat(requests(mentorship, mentee)).isZero();
		this.clock.setTo(start.plus(Duration.ofDays(31)));
		runJobs(mentorship);
		runJobs(mentorship);
		assertThat(requests(mentorship, mentee)).isEqualTo(1);
		assertThat(requests(mentorship, mentor)).isEqualTo(1);
		this.clock.setTo(start.plus(Duration.ofDays(45)));
		runJobs(mentorship);
		assertThat(requests(mentorship, mentee)).isEqualTo(1);
		this.clock.setTo(start.plus(Duration.ofDays(61)));
		runJobs(mentorship);
		assertThat(requests(mentorship, mentee)).isEqualTo(2);
		assertThat(requests(mentorship, mentor)).isEqualTo(2);
		assertThat(mail.to(mentee.email())).extracting(MimeMessage::getSubject)
			.filteredOn((subject) -> subject.startsWith("Wie läuft"))
			.hasSize(2);
	}

	@Test
	void activityMovesTheInactivityPeriod() {
		Instant start = Instant.parse("2027-01-04T09:00:00Z");
		this.clock.setTo(start);
		Account mentee = signUp("Sven", "Busy", "MENTEE");
		Account mentor = signUp("Tanja", "Busy", "MENTOR");
		UUID mentorship = active(mentee, mentor);

		this.clock.setTo(start.plus(Duration.ofDays(29)));
		// activity on day 29
		this.scenarios.proposed(signIn(mentee), mentorship, slot("2027-03-01T10:00Z"));
		this.clock.setTo(start.plus(Duration.ofDays(31)));
		runJobs(mentorship);
		assertThat(requests(mentorship, mentee)).isZero();
		this.clock.setTo(start.plus(Duration.ofDays(58)));
		runJobs(mentorship);
		assertThat(requests(mentorship, mentee)).isZero();
		this.clock.setTo(start.plus(Duration.ofDays(59)).plusSeconds(60));
		runJobs(mentorship);
		assertThat(requests(mentorship, mentee)).isEqualTo(1);
		assertThat(requests(mentorship, mentor)).isEqualTo(1);
	}

	@Test
	void anEndedMentorshipIsNeverAskedAboutInactivity() {
		Instant start = Instant.parse("2027-01-04T09:00:00Z");
		this.clock.setTo(start);
		Account mentee = signUp("Uwe", "Ended", "MENTEE");
		Account mentor = signUp("Vroni", "Ended", "MENTOR");
		UUID mentorship = active(mentee, mentor);
		this.clock.setTo(start.plus(Duration.ofDays(10)));
		as(signIn(mentee)).document(
				"mutation($id: ID!) { terminateMentorship(input: {mentorshipId: $id, reason: \"Moved away\"}) { mentorship { status } } }")
			.variable("id", mentorship)
			.execute()
			.path("terminateMentorship.mentorship.status")
			.entity(String.class)
			.isEqualTo("TERMINATED");
		runJobs(mentorship);
		this.clock.setTo(start.plus(Duration.ofDays(61)));
		runJobs(mentorship);
		assertThat(requests(mentorship, mentee)).isZero();
		assertThat(requests(mentorship, mentor)).isZero();
		assertThat(this.managementService.createJobQuery().processInstanceId(mentorship.toString()).count()).isZero();
		assertThat(processInstanceIds(mentorship)).isEmpty();
	}

	@Test
	void adminsReadEveryonesFeedbackMembersOnlyTheirOwn() {
		this.clock.setTo(Instant.parse("2027-06-01T08:00:00Z"));
		Account mentee = signUp("Uta", "Read", "MENTEE");
		Account mentor = signUp("Viktor", "Read", "MENTOR");
		Account otherMentee = signUp("Walter", "Else", "MENTEE");
		Account otherMentor = signUp("Xenia", "Else", "MENTOR");
		UUID elsewhere = accepted(otherMentee, otherMentor);
		UUID mentorship = heldMeeting(mentee, mentor);
		mentee = signIn(mentee);
		String token = feedbackToken(mentee);
		this.clock.setTo(Instant.parse("2027-06-02T12:30:00Z"));
		// a forwarded link, used by another member who is signed in: the answer counts,
		// the
		// profile of the member asked stays hidden
		var forwarded = as(signIn(otherMentee)).document("""
				mutation($t: String!) { submitFeedback(input: {token: $t, rating: 4, text: "Clear next steps"})
				{ feedbackRequest { rating member { id } } } }""").variable("t", token).execute();
		forwarded.path("submitFeedback.feedbackRequest.rating").entity(Integer.class).isEqualTo(4);
		forwarded.path("submitFeedback.feedbackRequest.member").valueIsNull();
		// a later request of the same mentorship, and one of another mentorship
		this.clock.setTo(Instant.parse("2027-06-02T13:00:00Z"));
		this.feedback.request(FeedbackOccasion.INACTIVITY, "inactivity:test-" + mentorship, mentorship,
				List.of(mentor.id()));
		this.feedback.request(FeedbackOccasion.INACTIVITY, "inactivity:test-" + elsewhere, elsewhere,
				List.of(otherMentee.id()));
		Account admin = admin();

		// newest request first, only this mentorship's
		var all = as(admin).documentName("feedbackRequests").variable("m", mentorship).execute();
		all.path("feedbackRequests.edges[*].node.occasion")
			.entityList(String.class)
			.containsExactly("INACTIVITY", "MEETING", "MEETING");
		all.path("feedbackRequests.edges[*].node.mentorshipId")
			.entityList(String.class)
			.containsExactly(mentorship.toString(), mentorship.toString(), mentorship.toString());
		all.path("feedbackRequests.edges[0].node.requestedAt").entity(String.class).isEqualTo("2027-06-02T13:00:00Z");
		var answered = as(admin).documentName("feedbackRequests")
			.variable("m", mentorship)
			.variable("a", true)
			.execute();
		answered.path("feedbackRequests.edges").entityList(Object.class).hasSize(1);
		answered.path("feedbackRequests.edges[0].node.member.id")
			.entity(String.class)
			.isEqualTo(mentee.id().toString());
		answered.path("feedbackRequests.edges[0].node.member.lastName").entity(String.class).isEqualTo("Read");
		answered.path("feedbackRequests.edges[0].node.occasion").entity(String.class).isEqualTo("MEETING");
		answered.path("feedbackRequests.edges[0].node.rating").entity(Integer.class).isEqualTo(4);
		answered.path("feedbackRequests.edges[0].node.answer").entity(String.class).isEqualTo("Clear next steps");
		answered.path("feedbackRequests.edges[0].node.answeredAt")
			.entity(String.class)
			.isEqualTo("2027-06-02T12:30:00Z");
		var open = as(admin).documentName("feedbackRequests")
			.variable("m", mentorship)
			.variable("a", false)
			.variable("o", "MEETING")
			.execute();
		open.path("feedbackRequests.edges").entityList(Object.class).hasSize(1);
		open.path("feedbackRequests.edges[0].node.member.id").entity(String.class).isEqualTo(mentor.id().toString());
		open.path("feedbackRequests.edges[0].node.answer").valueIsNull();
		as(admin).documentName("feedbackRequests")
			.variable("m", mentorship)
			.variable("o", "CLOSURE")
			.execute()
			.path("feedbackRequests.edges")
			.entityList(Object.class)
			.hasSize(0);
		as(admin).documentName("feedbackRequests")
			.variable("m", elsewhere)
			.execute()
			.path("feedbackRequests.edges[*].node.member.id")
			.entityList(String.class)
			.containsExactly(otherMentee.id().toString());
		// without a filter: everyone's, a page at a time
		as(admin).documentName("feedbackRequests")
			.variable("first", 2)
			.execute()
			.path("feedbackRequests.pageInfo.hasNextPage")
			.entity(Boolean.class)
			.isEqualTo(true);
		// this mentorship's three, two to a page
		var first = as(admin).documentName("feedbackRequests").variable("m", mentorship).variable("first", 2).execute();
		first.path("feedbackRequests.edges").entityList(Object.class).hasSize(2);
		first.path("feedbackRequests.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
		String cursor = first.path("feedbackRequests.edges[1].cursor").entity(String.class).get();
		var second = as(admin).documentName("feedbackRequests")
			.variable("m", mentorship)
			.variable("first", 2)
			.variable("after", cursor)
			.execute();
		second.path("feedbackRequests.edges").entityList(Object.class).hasSize(1);
		second.path("feedbackRequests.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false);
		List<String> pages = new ArrayList<>(
				first.path("feedbackRequests.edges[*].node.member.id").entityList(String.class).get());
		pages.addAll(second.path("feedbackRequests.edges[*].node.member.id").entityList(String.class).get());
		assertThat(pages).containsExactlyInAnyOrder(mentor.id().toString(), mentee.id().toString(),
				mentor.id().toString());

		// the members of the mentorship read only their own, through me; who asks is
		// checked before the arguments
		expectCode(as(mentee).documentName("feedbackRequests").variable("m", mentorship).execute(), "FORBIDDEN");
		expectCode(as(mentee).documentName("feedbackRequests").variable("first", 101).execute(), "FORBIDDEN");
		expectCode(anonymous().documentName("feedbackRequests").variable("m", mentorship).execute(), "UNAUTHORIZED");
		expectInvalid(
				as(admin).documentName("feedbackRequests").variable("m", mentorship).variable("first", 101).execute(),
				"first");
	}

	/**
	 * Members signed up at 2027-06-01 08:00 have a mentorship whose meeting the next day
	 * both confirmed; the feedback requests are mailed and the clock stands at 2027-06-02
	 * 11:00 (sign in again).
	 */
	private UUID heldMeeting(Account mentee, Account mentor) {
		UUID mentorship = accepted(mentee, mentor);
		UUID meeting = this.scenarios.proposed(mentee, mentorship, slot("2027-06-02T10:00Z"));
		this.scenarios.schedule(mentor, meeting, 0);
		this.clock.setTo(Instant.parse("2027-06-02T11:00:00Z"));
		runJobs(mentorship);
		this.scenarios.held(mentee, mentor, meeting);
		mail.purge();
		runJobs(mentorship);
		return mentorship;
	}

	/**
	 * The token of the link in the first mail the member got (their feedback request).
	 */
	private static String feedbackToken(Account member) {
		Matcher link = TOKEN.matcher(TestMailServer.text(mail.to(member.email()).get(0)));
		assertThat(link.find()).as("a feedback link in the mail to %s", member.email()).isTrue();
		return link.group(1);
	}

	private long requests(UUID mentorship, Account member) {
		return this.feedback.count(mentorship, FeedbackOccasion.INACTIVITY, member.id());
	}

}
