package at.alma.mentoring.privacy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

import at.alma.mentoring.ApiTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The member's export ({@code GET /api/me/export}), read back from the ZIP: every section
 * with the content of a scripted mentorship, nothing of the other side's private data.
 */
class ExportTests extends ApiTest {

	private static final String SUSPEND = """
			mutation($id: ID!) { suspendMember(input: {memberId: $id, reason: "Export test"}) { member { status } } }""";

	@Autowired
	ObjectMapper json;

	@Test
	void exportsEverySectionOfAMemberAndNothingPrivateOfTheOtherSide() throws Exception {
		this.clock.setTo(Instant.parse("2027-02-01T09:00:00Z"));
		Account mentee = signUp("Erika", "Exportiert", "MENTEE");
		Account mentor = signUp("Moritz", "Gegenüber", "MENTOR");
		Account stranger = signUp("Otto", "Fremd", "MENTEE");
		as(mentee)
			.document("mutation { updateProfile(input: {bio: \"Erikas Bio\", topics: [\"Export\"]}) { me { id } } }")
			.execute()
			.errors()
			.verify();
		as(mentor).document("mutation { updateProfile(input: {mentorCapacity: 2}) { me { id } } }")
			.execute()
			.errors()
			.verify();
		UUID mentorship = active(mentee, mentor);
		UUID strangers = active(stranger, mentor);
		this.scenarios.sendOk(mentee, mentorship, "Hallo von Erika");
		this.scenarios.sendOk(mentor, mentorship, "Antwort von Moritz");
		this.scenarios.sendOk(stranger, strangers, "Ottos Geheimnis");
		UUID meeting = this.scenarios.meetingAfterItsTime(mentee, mentor, mentorship);
		this.scenarios.held(mentee, mentor, meeting);
		runJobs(mentorship);
		answerFeedback(signIn(mentee), "Erikas Rückmeldung");
		answerFeedback(signIn(mentor), "Moritz' vertrauliche Rückmeldung");
		closure(signIn(mentor), "proposeClosure", mentorship);
		closure(signIn(mentee), "confirmClosure", mentorship);
		runJobs(mentorship);

		Map<String, byte[]> zip = export(signIn(mentee));

		JsonNode manifest = read(zip, "manifest.json");
		assertThat(manifest.path("format").asText()).isEqualTo("alma-export/1");
		assertThat(manifest.path("memberId").asText()).isEqualTo(mentee.id().toString());
		List<String> listed = new ArrayList<>();
		manifest.path("sections").forEach((name) -> listed.add(name.asText()));
		manifest.path("documents").forEach((name) -> listed.add(name.asText()));
		assertThat(listed).containsExactlyInAnyOrderElementsOf(
				zip.keySet().stream().filter((name) -> !name.equals("manifest.json")).toList());
		assertThat(listed).contains("profile.json", "mails.json", "mentorships.json", "decline-template.json",
				"meetings.json", "feedback.json", "conversations.json", "achievements.json", "certificates.json");

		JsonNode profile = read(zip, "profile.json");
		assertThat(profile.path("email").asText()).isEqualTo(mentee.email());
		assertThat(profile.path("firstName").asText()).isEqualTo("Erika");
		assertThat(profile.path("bio").asText()).isEqualTo("Erikas Bio");
		assertThat(profile.path("topics").get(0).asText()).isEqualTo("Export");
		assertThat(profile.path("roles").get(0).asText()).isEqualTo("MENTEE");
		assertThat(profile.has("passwordHash")).isFalse();

		JsonNode mentorships = read(zip, "mentorships.json");
		assertThat(mentorships).hasSize(1);
		JsonNode theMentorship = mentorships.get(0);
		assertThat(theMentorship.path("id").asText()).isEqualTo(mentorship.toString());
		assertThat(theMentorship.path("role").asText()).isEqualTo("MENTEE");
		assertThat(theMentorship.path("status").asText()).isEqualTo("COMPLETED");
		assertThat(theMentorship.path("otherSide").path("memberId").asText()).isEqualTo(mentor.id().toString());
		assertThat(theMentorship.path("otherSide").path("name").asText()).contains("Moritz");
		assertThat(theMentorship.path("closureProposedBy").asText()).isEqualTo("OTHER_SIDE");
		JsonNode agreement = theMentorship.path("agreements").get(0);
		assertThat(agreement.path("version").asInt()).isEqualTo(1);
		assertThat(agreement.path("status").asText()).isEqualTo("APPROVED");
		assertThat(agreement.path("periodStart").asText()).isEqualTo("2027-01-01");
		assertThat(agreement.path("contactKinds").get(0).asText()).isEqualTo("VIDEO");

		JsonNode meetings = read(zip, "meetings.json");
		assertThat(meetings).hasSize(1);
		assertThat(meetings.get(0).path("id").asText()).isEqualTo(meeting.toString());
		assertThat(meetings.get(0).path("status").asText()).isEqualTo("HELD");
		assertThat(meetings.get(0).path("startsAt").asText()).isEqualTo("2027-03-10T10:00:00Z");
		assertThat(meetings.get(0).path("confirmedByMeAt").isTextual()).isTrue();
		assertThat(meetings.get(0).path("proposedSlots")).hasSize(1);

		JsonNode feedback = read(zip, "feedback.json");
		assertThat(feedback).isNotEmpty();
		assertThat(feedback.findValuesAsText("answer")).contains("Erikas Rückmeldung");

		JsonNode conversations = read(zip, "conversations.json");
		assertThat(conversations).hasSize(1);
		JsonNode messages = conversations.get(0).path("messages");
		assertThat(messages).hasSize(2);
		assertThat(messages.get(0).path("body").asText()).isEqualTo("Hallo von Erika");
		assertThat(messages.get(0).path("from").asText()).isEqualTo("ME");
		assertThat(messages.get(1).path("body").asText()).isEqualTo("Antwort von Moritz");
		assertThat(messages.get(1).path("from").asText()).isEqualTo("OTHER_SIDE");

		JsonNode achievements = read(zip, "achievements.json");
		assertThat(achievements.findValuesAsText("kind")).contains("MEETING_HELD");
		assertThat(achievements).hasSize(count("achievements", mentee));

		JsonNode mails = read(zip, "mails.json");
		Integer sent = this.jdbc.queryForObject("select count(*) from sent_mails where recipient = ?", Integer.class,
				mentee.email());
		assertThat(sent).isPositive();
		assertThat(mails).hasSize(sent);
		assertThat(mails.get(0).path("key").asText()).isNotBlank();
		assertThat(mails.get(0).path("sentAt").isTextual()).isTrue();

		JsonNode certificates = read(zip, "certificates.json");
		assertThat(certificates).hasSize(1);
		assertThat(certificates.get(0).path("role").asText()).isEqualTo("MENTEE");
		String document = certificates.get(0).path("document").asText();
		try (PDDocument pdf = Loader.loadPDF(zip.get(document))) {
			assertThat(new PDFTextStripper().getText(pdf)).contains("Erika Exportiert")
				.contains(certificates.get(0).path("verificationCode").asText());
		}

		// nothing private of the other side, nothing of another mentorship of theirs
		String everything = zip.entrySet()
			.stream()
			.filter((entry) -> entry.getKey().endsWith(".json"))
			.map((entry) -> new String(entry.getValue(), StandardCharsets.UTF_8))
			.reduce("", String::concat);
		assertThat(everything).doesNotContain(mentor.email())
			.doesNotContain(stranger.email())
			.doesNotContain("Moritz' vertrauliche Rückmeldung")
			.doesNotContain("Ottos Geheimnis")
			.doesNotContain(strangers.toString())
			.doesNotContain(this.jdbc.queryForObject("select password_hash from members where id = ?", String.class,
					mentee.id().toString()));

		// the mentor's export has the same conversation, from the other end
		JsonNode mentorsConversations = read(export(signIn(mentor)), "conversations.json");
		assertThat(mentorsConversations).hasSize(2);
		assertThat(mentorsConversations.findValuesAsText("body")).contains("Hallo von Erika", "Ottos Geheimnis");
	}

	@Test
	void onlyASignedInMemberWithAValidTokenGetsTheirExport() {
		Account member = signUp("Tina", "Token", "MENTEE");
		http().get()
			.uri(ExportController.EXPORT_PATH)
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectBody()
			.jsonPath("$.errors[0].extensions.code")
			.isEqualTo("UNAUTHORIZED")
			.jsonPath("$.errors[0].extensions.reason")
			.isEqualTo("TOKEN_MISSING");
		http().get()
			.uri(ExportController.EXPORT_PATH)
			.header(HttpHeaders.AUTHORIZATION, "Bearer not-a-token")
			.exchange()
			.expectStatus()
			.isUnauthorized();
		http().get()
			.uri(ExportController.EXPORT_PATH)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + member.token())
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentType("application/zip")
			.expectHeader()
			.valueEquals(HttpHeaders.CACHE_CONTROL, "private, no-store")
			.expectHeader()
			.value(HttpHeaders.CONTENT_DISPOSITION,
					(value) -> assertThat(value).contains("attachment").contains(".zip"));

		as(admin()).document(SUSPEND).variable("id", member.id()).execute().errors().verify();
		http().get()
			.uri(ExportController.EXPORT_PATH)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + member.token())
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectBody()
			.jsonPath("$.errors[0].extensions.reason")
			.isEqualTo("REVOKED");
	}

	private Map<String, byte[]> export(Account member) throws IOException {
		byte[] body = http().get()
			.uri(ExportController.EXPORT_PATH)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + member.token())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(byte[].class)
			.returnResult()
			.getResponseBody();
		Map<String, byte[]> entries = new LinkedHashMap<>();
		try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(body))) {
			for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
				assertThat(entries.put(entry.getName(), zip.readAllBytes())).as(entry.getName()).isNull();
			}
		}
		assertThat(entries.keySet()).first().isEqualTo("manifest.json");
		return entries;
	}

	private JsonNode read(Map<String, byte[]> zip, String name) throws IOException {
		assertThat(zip).containsKey(name);
		return this.json.readTree(zip.get(name));
	}

	private int count(String table, Account member) {
		return this.jdbc.queryForObject("select count(*) from " + table + " where member_id = ?", Integer.class,
				member.id().toString());
	}

	/** Answers the member's open feedback requests, signed in. */
	private void answerFeedback(Account member, String text) {
		List<String> open = as(member).document("{ me { feedbackRequests { id answer } } }")
			.execute()
			.path("me.feedbackRequests[*].id")
			.entityList(String.class)
			.get();
		assertThat(open).isNotEmpty();
		for (String id : open) {
			as(member).documentName("submitFeedback")
				.variable("input", Map.of("requestId", id, "rating", 4, "text", text))
				.execute()
				.errors()
				.verify();
		}
	}

	private void closure(Account member, String mutation, UUID mentorshipId) {
		as(member).document("mutation($input: MentorshipRefInput!) { " + mutation + "(input: $input) { __typename } }")
			.variable("input", Map.of("mentorshipId", mentorshipId))
			.execute()
			.errors()
			.verify();
	}

}
