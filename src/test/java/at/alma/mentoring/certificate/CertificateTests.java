package at.alma.mentoring.certificate;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;

import at.alma.mentoring.ApiTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Urkunde of both sides of a completed mentorship, read back from the PDF.
 */
class CertificateTests extends ApiTest {

	@Autowired
	CertificateIssuing issuing;

	@Test
	void bothSidesGetTheirCertificateWithNamesInAnyScriptAndAVerifiableCode() throws Exception {
		this.clock.setTo(Instant.parse("2027-02-01T09:00:00Z"));
		Account mentee = signUpWith("Ольга", "Иванова", "EN", "Europe/Vienna", "MENTEE");
		Account mentor = signUpWith("Jürgen", "Größ", "DE", "Europe/Vienna", "MENTOR");
		UUID mentorship = completedWithOneMeeting(mentee, mentor);

		var mine = as(signIn(mentee))
			.document("{ me { certificates { id role otherName meetingsHeld verificationCode downloadUrl } } }")
			.execute();
		mine.path("me.certificates[0].role").entity(String.class).isEqualTo("MENTEE");
		mine.path("me.certificates[0].meetingsHeld").entity(Integer.class).isEqualTo(1);
		String code = mine.path("me.certificates[0].verificationCode").entity(String.class).get();
		String url = mine.path("me.certificates[0].downloadUrl").entity(String.class).get();

		byte[] pdf = http().get()
			.uri(url)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + signIn(mentee).token())
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentType("application/pdf")
			.expectHeader()
			.value(HttpHeaders.CONTENT_DISPOSITION,
					(value) -> assertThat(value).contains("attachment").contains(".pdf"))
			.expectBody(byte[].class)
			.returnResult()
			.getResponseBody();
		try (PDDocument document = Loader.loadPDF(pdf)) {
			assertThat(document.getNumberOfPages()).isEqualTo(1);
			PDPage page = document.getPage(0);
			assertThat(page.getMediaBox().getWidth()).isCloseTo(595f, org.assertj.core.data.Offset.offset(1f));
			String text = new PDFTextStripper().getText(document);
			assertThat(text).contains("Certificate")
				.contains("Ольга Иванова")
				.contains("took part as mentee")
				.contains("Jürgen Größ")
				.contains("Meetings held: 1")
				.contains(code);
			for (var name : page.getResources().getFontNames()) {
				PDFont font = page.getResources().getFont(name);
				assertThat(font.isEmbedded()).as(font.getName()).isTrue();
			}
		}

		// the mentor's, in German
		String mentorsUrl = as(signIn(mentor)).document("{ me { certificates { downloadUrl } } }")
			.execute()
			.path("me.certificates[0].downloadUrl")
			.entity(String.class)
			.get();
		byte[] mentorsPdf = http().get()
			.uri(mentorsUrl)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + signIn(mentor).token())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(byte[].class)
			.returnResult()
			.getResponseBody();
		try (PDDocument document = Loader.loadPDF(mentorsPdf)) {
			assertThat(new PDFTextStripper().getText(document)).contains("Urkunde")
				.contains("Jürgen Größ")
				.contains("als Mentor*in")
				.contains("Ольга Иванова");
		}

		// nobody else gets it
		Account other = signUp("Nosy", "Neighbour", "MENTEE");
		http().get()
			.uri(url)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + other.token())
			.exchange()
			.expectStatus()
			.isNotFound();
		http().get().uri(url).exchange().expectStatus().isUnauthorized();

		// anyone can verify a code, and learns only what is printed
		anonymous().document(
				"query($c: String!) { verifyCertificate(code: $c) { valid holderName role periodStart periodEnd } }")
			.variable("c", code)
			.execute()
			.path("verifyCertificate.valid")
			.entity(Boolean.class)
			.isEqualTo(true)
			.path("verifyCertificate.holderName")
			.entity(String.class)
			.isEqualTo("Ольга Иванова")
			.path("verifyCertificate.role")
			.entity(String.class)
			.isEqualTo("MENTEE");
		String forged = code.substring(0, code.length() - 1) + (code.endsWith("A") ? "B" : "A");
		anonymous().document("query($c: String!) { verifyCertificate(code: $c) { valid holderName } }")
			.variable("c", forged)
			.execute()
			.path("verifyCertificate.valid")
			.entity(Boolean.class)
			.isEqualTo(false)
			.path("verifyCertificate.holderName")
			.valueIsNull();

		// the issuing job run again issues nothing new
		assertThat(this.issuing.issue(mentorship)).isZero();
		assertThat(this.jdbc.queryForObject("select count(*) from certificates where mentorship_id = ?", Long.class,
				mentorship.toString()))
			.isEqualTo(2);
	}

	@Test
	void namesArePrintedLiterallyNeverEvaluated() throws Exception {
		this.clock.setTo(Instant.parse("2027-02-01T09:00:00Z"));
		Account mentee = signUpWith("Eve", "$P{TITLE} ${7*7}", "EN", "Europe/Vienna", "MENTEE");
		Account mentor = signUpWith("Mallory", "#{7*7} [[${7*7}]] __${7*7}__", "EN", "Europe/Vienna", "MENTOR");
		completedWithOneMeeting(mentee, mentor);
		String url = as(signIn(mentee)).document("{ me { certificates { downloadUrl } } }")
			.execute()
			.path("me.certificates[0].downloadUrl")
			.entity(String.class)
			.get();
		byte[] pdf = http().get()
			.uri(url)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + signIn(mentee).token())
			.exchange()
			.expectBody(byte[].class)
			.returnResult()
			.getResponseBody();
		try (PDDocument document = Loader.loadPDF(pdf)) {
			String text = new PDFTextStripper().getText(document);
			assertThat(text).contains("Eve $P{TITLE} ${7*7}").contains("Mallory #{7*7} [[${7*7}]] __${7*7}__");
			// the random verification code may hold a "49" of its own
			assertThat(text.replaceAll("Verification code: \\S+", "")).doesNotContain("49");
		}
	}

	/** An active mentorship with one meeting both confirmed, then closed by both. */
	private UUID completedWithOneMeeting(Account mentee, Account mentor) {
		UUID id = UUID.fromString(as(mentee)
			.document("mutation($id: ID!) { requestMentorship(input: {mentorId: $id}) { mentorship { id } } }")
			.variable("id", mentor.id())
			.execute()
			.path("requestMentorship.mentorship.id")
			.entity(String.class)
			.get());
		mutate(mentor, "acceptMentorshipRequest", "MentorshipRefInput", Map.of("mentorshipId", id));
		Map<String, Object> terms = new HashMap<>();
		terms.put("mentorshipId", id);
		terms.put("periodStart", "2027-02-01");
		terms.put("periodEnd", "2027-08-01");
		terms.put("meetingCount", 3);
		terms.put("contactKinds", List.of("IN_PERSON"));
		terms.put("contactFrequency", "monthly");
		mutate(mentee, "saveAgreement", "SaveAgreementInput", terms);
		mutate(mentee, "submitAgreement", "MentorshipRefInput", Map.of("mentorshipId", id));
		mutate(mentor, "approveAgreement", "AgreementDecisionInput", Map.of("mentorshipId", id, "version", 1));
		String meeting = as(mentee)
			.document("mutation($input: ProposeMeetingInput!) { proposeMeeting(input: $input) { meeting { id } } }")
			.variable("input",
					Map.of("mentorshipId", id, "finalMeeting", true, "slots",
							List.of(Map.of("start", "2027-02-10T10:00Z", "durationMinutes", 60, "kind", "PHONE"))))
			.execute()
			.path("proposeMeeting.meeting.id")
			.entity(String.class)
			.get();
		as(mentor)
			.document("mutation($input: ScheduleMeetingInput!) { scheduleMeeting(input: $input) { meeting { id } } }")
			.variable("input", Map.of("meetingId", meeting, "slot", 0))
			.execute();
		this.clock.setTo(Instant.parse("2027-02-10T11:00:00Z"));
		runJobs(id);
		for (Account member : List.of(mentee, mentor)) {
			as(signIn(member)).document(
					"mutation($input: MeetingRefInput!) { confirmMeetingHeld(input: $input) { meeting { status } } }")
				.variable("input", Map.of("meetingId", meeting))
				.execute();
		}
		mutate(signIn(mentor), "proposeClosure", "MentorshipRefInput", Map.of("mentorshipId", id));
		mutate(signIn(mentee), "confirmClosure", "MentorshipRefInput", Map.of("mentorshipId", id));
		runJobs(id);
		return id;
	}

	private void mutate(Account member, String mutation, String inputType, Map<String, Object> input) {
		as(member).document("mutation($input: " + inputType + "!) { " + mutation + "(input: $input) { __typename } }")
			.variable("input", input)
			.execute()
			.errors()
			.verify();
	}

}
