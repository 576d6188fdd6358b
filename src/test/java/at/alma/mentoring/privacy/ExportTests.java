package at.alma.mentoring.privacy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
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
import at.alma.mentoring.SqlStatements;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

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

	@Autowired
	SqlStatements statements;

	@Test
	void exportsEverySectionOfAMemberAndNothingPrivateOfTheOtherSide() throws Exception {
		this.clock.setTo(Instant.parse("2027-02-01T09:00:00Z"));
		Account mentee = signUp("Erika", "Exportiert", "MENTEE");
		Account mentor = signUp("Moritz", "Gegenüber", "MENTOR");
		Account stranger = signUp("Otto", "Fremd", "MENTEE");
		as(mentee).document("""
				mutation { updateProfile(input: {bio: "Erikas Bio", topics: ["Export"], goals: "Erikas Ziele",
				    fields: ["Bildung"], meetingKinds: [VIDEO]}) { me { id } } }""").execute().errors().verify();
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
		this.scenarios.answerFeedback(signIn(mentee), "Erikas Rückmeldung");
		this.scenarios.answerFeedback(signIn(mentor), "Moritz' vertrauliche Rückmeldung");
		this.scenarios.closure(signIn(mentor), "proposeClosure", mentorship);
		this.scenarios.closure(signIn(mentee), "confirmClosure", mentorship);
		runJobs(mentorship);

		// the clock moved past the first tokens' expiry
		mentee = signIn(mentee);
		mentor = signIn(mentor);
		String group = "Exportgruppe " + UUID.randomUUID();
		as(mentee).document("mutation($name: String!) { createGroup(input: {name: $name}) { group { id } } }")
			.variable("name", group)
			.execute()
			.errors()
			.verify();
		UUID article = this.scenarios.article(mentee, "Erikas Artikel");
		UUID mentorsArticle = this.scenarios.article(mentor, "Moritz' Artikel");
		as(mentee).document("mutation($id: ID!) { rateArticle(input: {articleId: $id, stars: 5}) { article { id } } }")
			.variable("id", mentorsArticle)
			.execute()
			.errors()
			.verify();

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
				"meetings.json", "feedback.json", "conversations.json", "achievements.json", "certificates.json",
				"groups.json", "wiki-revisions.json", "wiki-ratings.json");

		JsonNode profile = read(zip, "profile.json");
		assertThat(profile.path("email").asText()).isEqualTo(mentee.email());
		assertThat(profile.path("firstName").asText()).isEqualTo("Erika");
		assertThat(profile.path("bio").asText()).isEqualTo("Erikas Bio");
		assertThat(profile.path("topics").get(0).asText()).isEqualTo("Export");
		assertThat(profile.path("goals").asText()).isEqualTo("Erikas Ziele");
		assertThat(profile.path("fields").get(0).asText()).isEqualTo("Bildung");
		assertThat(profile.path("meetingKinds").get(0).asText()).isEqualTo("VIDEO");
		assertThat(profile.path("roles").get(0).asText()).isEqualTo("MENTEE");
		assertThat(profile.has("emailVerifiedAt")).isTrue();
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
		assertThat(meetings.get(0).path("notHeld").has("reason")).isTrue();
		assertThat(meetings.get(0).path("notHeld").path("reportedBy").isNull()).isTrue();

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

		JsonNode groups = read(zip, "groups.json");
		assertThat(groups).hasSize(1);
		assertThat(groups.get(0).path("name").asText()).isEqualTo(group);
		assertThat(groups.get(0).path("founder").asBoolean()).isTrue();
		JsonNode revisions = read(zip, "wiki-revisions.json");
		assertThat(revisions).hasSize(1);
		assertThat(revisions.get(0).path("articleId").asText()).isEqualTo(article.toString());
		assertThat(revisions.get(0).path("title").asText()).isEqualTo("Erikas Artikel");
		JsonNode ratings = read(zip, "wiki-ratings.json");
		assertThat(ratings).hasSize(1);
		assertThat(ratings.get(0).path("articleId").asText()).isEqualTo(mentorsArticle.toString());
		assertThat(ratings.get(0).path("stars").asInt()).isEqualTo(5);

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

	@Test
	void anAdminExportsASuspendedMembersDataOnTheirRequestAndItIsRecorded() throws IOException {
		Account member = signUp("Susi", "Sperre", "MENTEE");
		Account admin = admin();
		as(admin).document(SUSPEND).variable("id", member.id()).execute().errors().verify();
		String path = "/api/admin/members/" + member.id() + "/export";
		int before = count("admin_actions", member);

		// only an admin, with the request as the reason; a refusal records nothing
		Account other = signUp("Otto", "Neugier", "MENTOR");
		http().post()
			.uri(path)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + other.token())
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("reason", "curious"))
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectBody()
			.jsonPath("$.code")
			.isEqualTo("FORBIDDEN");
		http().post()
			.uri(path)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + admin.token())
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("reason", " "))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.field")
			.isEqualTo("reason");
		http().post()
			.uri("/api/admin/members/" + UUID.randomUUID() + "/export")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + admin.token())
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("reason", "Anfrage per Brief"))
			.exchange()
			.expectStatus()
			.isNotFound();
		assertThat(count("admin_actions", member)).isEqualTo(before);

		Map<String, byte[]> zip = entries(http().post()
			.uri(path)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + admin.token())
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("reason", "Anfrage per Brief vom 3. Dezember"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentType("application/zip")
			.expectBody(byte[].class)
			.returnResult()
			.getResponseBody());
		assertThat(read(zip, "manifest.json").path("memberId").asText()).isEqualTo(member.id().toString());
		JsonNode profile = read(zip, "profile.json");
		assertThat(profile.path("email").asText()).isEqualTo(member.email());
		assertThat(profile.path("suspendedAt").isNull()).isFalse();

		List<Map<String, Object>> recorded = this.jdbc.queryForList(
				"select admin_id, action, reason from admin_actions where member_id = ? and action = 'EXPORT_MEMBER_DATA'",
				member.id().toString());
		assertThat(recorded).singleElement()
			.satisfies((row) -> assertThat(row).containsEntry("admin_id", admin.id().toString())
				.containsEntry("reason", "Anfrage per Brief vom 3. Dezember"));
		as(admin).document("{ adminActions(first: 50) { edges { node { action memberId } } } }")
			.execute()
			.path("adminActions.edges[*].node")
			.entityList(Map.class)
			.contains(Map.of("action", "EXPORT_MEMBER_DATA", "memberId", member.id().toString()));
	}

	@Test
	void costsTheSameStatementsForOneMentorshipAsForTwelve() throws IOException {
		Account one = signUp("Eins", "Export", "MENTEE");
		Account twelve = signUp("Zwoelf", "Export", "MENTEE");
		for (int i = 0; i < 12; i++) {
			seedEndedMentorship(twelve.id(), i);
		}
		seedEndedMentorship(one.id(), 0);
		// once each to warm caches (the token version check), then counted
		export(one);
		export(twelve);
		List<String> ofOne = this.statements.during(() -> exportQuietly(one));
		List<String> ofTwelve = this.statements.during(() -> exportQuietly(twelve));
		assertThat(ofOne).isNotEmpty();
		assertThat(ofTwelve).hasSameSizeAs(ofOne);
		Map<String, byte[]> zip = export(twelve);
		assertThat(read(zip, "mentorships.json")).hasSize(12);
		assertThat(read(zip, "conversations.json").findValues("body")).hasSize(24);
		assertThat(zip.keySet().stream().filter((name) -> name.startsWith("certificates/"))).hasSize(12);
	}

	@Test
	void aMeetingThatDidNotTakePlaceCarriesWhatTheOtherSideSaid() throws IOException {
		Account member = signUp("Nicht", "Export", "MENTEE");
		seedEndedMentorship(member.id(), 0);
		this.jdbc.update("update meetings set status = 'NOT_HELD', mentee_confirmed_at = null,"
				+ " mentor_confirmed_at = null, not_held_reported_by = mentor_id, not_held_reported_at = starts_at,"
				+ " not_held_reason = 'Niemand kam' where mentee_id = ?", member.id().toString());
		JsonNode meeting = read(export(member), "meetings.json").get(0);
		assertThat(meeting.path("status").asText()).isEqualTo("NOT_HELD");
		assertThat(meeting.path("notHeld").path("reportedBy").asText()).isEqualTo("OTHER_SIDE");
		assertThat(meeting.path("notHeld").path("reason").asText()).isEqualTo("Niemand kam");
		assertThat(meeting.path("notHeld").path("reportedAt").isTextual()).isTrue();
		assertThat(meeting.path("notHeld").path("disputeResolution").isNull()).isTrue();
	}

	@Test
	void findsTheMailsToAnEarlierAddress() throws IOException {
		Account member = signUp("Alte", "Adresse", "MENTEE");
		String newEmail = "neue." + UUID.randomUUID() + "@alma.test";
		Account moved = this.scenarios.changedEmail(member, newEmail);
		Integer toOld = this.jdbc.queryForObject("select count(*) from sent_mails where recipient = ?", Integer.class,
				member.email());
		assertThat(toOld).isPositive();
		JsonNode mails = read(export(moved), "mails.json");
		assertThat(mails).hasSize(toOld + this.jdbc
			.queryForObject("select count(*) from sent_mails where recipient = ?", Integer.class, newEmail));
		assertThat(mails.findValuesAsText("template")).contains("email-verification", "email-change");
	}

	private void exportQuietly(Account member) {
		try {
			export(member);
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	/**
	 * A completed mentorship of the mentee, written with SQL: an approved agreement, a
	 * held meeting, two chat messages, an answered feedback request, an achievement and a
	 * certificate.
	 */
	private void seedEndedMentorship(UUID menteeId, int i) {
		LocalDateTime at = LocalDateTime.of(2027, 2, 1, 9, 0).plusHours(i);
		String partner = UUID.randomUUID().toString();
		this.jdbc.update(
				"insert into members (id, email, password_hash, first_name, last_name, language, time_zone, mentor_available,"
						+ " mentor_capacity, created_at, version) values (?, ?, 'x', ?, 'Seed', 'DE', 'Europe/Vienna', true, 1, ?, 0)",
				partner, partner + "@seed.test", "Partner" + i, at);
		this.jdbc.update("insert into member_roles (member_id, role) values (?, 'MENTOR')", partner);
		String mentorship = UUID.randomUUID().toString();
		String mentee = menteeId.toString();
		this.jdbc.update(
				"insert into mentorships (id, mentee_id, mentor_id, status, requested_at, decided_at, activated_at,"
						+ " ended_at, version) values (?, ?, ?, 'COMPLETED', ?, ?, ?, ?, 0)",
				mentorship, mentee, partner, at, at, at, at.plusDays(90));
		String agreement = UUID.randomUUID().toString();
		this.jdbc
			.update("insert into agreement_versions (id, mentorship_id, version_number, status, period_start, period_end,"
					+ " meeting_count, contact_kinds, contact_frequency, submissions, saved_at, submitted_at, approved_at,"
					+ " version) values (?, ?, 1, 'APPROVED', ?, ?, 3, 'VIDEO,PHONE', 'monthly', 1, ?, ?, ?, 0)",
					agreement, mentorship, LocalDate.of(2027, 2, 1), LocalDate.of(2027, 5, 1), at, at, at);
		this.jdbc.update(
				"insert into agreement_topics (agreement_version_id, position, topic) values (?, 0, 'Karriere')",
				agreement);
		String meeting = UUID.randomUUID().toString();
		this.jdbc
			.update("insert into meetings (id, mentorship_id, mentee_id, mentor_id, status, final_meeting, starts_at,"
					+ " duration_minutes, kind, proposal_round, invitation_sequence, mentee_confirmed_at,"
					+ " mentor_confirmed_at, proposed_at, version) values (?, ?, ?, ?, 'HELD', true, ?, 60, 'VIDEO', 1, 0, ?, ?, ?, 0)",
					meeting, mentorship, mentee, partner, at.plusDays(10), at.plusDays(11), at.plusDays(11), at);
		this.jdbc.update(
				"insert into meeting_slots (meeting_id, position, starts_at, duration_minutes, kind) values (?, 0, ?, 60, 'VIDEO')",
				meeting, at.plusDays(10));
		this.jdbc.update(
				"insert into conversations (mentorship_id, mentee_id, mentor_id, opened_at) values (?, ?, ?, ?)",
				mentorship, mentee, partner, at);
		this.jdbc.update("insert into chat_messages (mentorship_id, sender_id, body, sent_at) values (?, ?, ?, ?)",
				mentorship, mentee, "Frage " + i, at.plusMinutes(1));
		this.jdbc.update("insert into chat_messages (mentorship_id, sender_id, body, sent_at) values (?, ?, ?, ?)",
				mentorship, partner, "Antwort " + i, at.plusMinutes(2));
		this.jdbc.update(
				"insert into feedback_requests (id, member_id, mentorship_id, occasion, source_key, requested_at,"
						+ " answered_at, rating, answer, version) values (?, ?, ?, 'MEETING', ?, ?, ?, 5, 'Gut', 0)",
				UUID.randomUUID().toString(), mentee, mentorship, meeting, at.plusDays(11), at.plusDays(12));
		this.jdbc.update(
				"insert into achievements (id, member_id, kind, source_type, source_id, member_role, partner_id, achieved_at)"
						+ " values (?, ?, 'MEETING_HELD', 'MEETING', ?, 'MENTEE', ?, ?)",
				UUID.randomUUID().toString(), mentee, meeting, partner, at.plusDays(11));
		String certificate = UUID.randomUUID().toString();
		this.jdbc.update(
				"insert into certificates (id, mentorship_id, member_id, role, verification_code, holder_name, other_name,"
						+ " period_start, period_end, meetings_held, issued_on, language, created_at)"
						+ " values (?, ?, ?, 'MENTEE', ?, 'Seed Mentee', ?, ?, ?, 1, ?, 'DE', ?)",
				certificate, mentorship, mentee, certificate.substring(0, 20), "Partner" + i + " Seed",
				LocalDate.of(2027, 2, 1), LocalDate.of(2027, 5, 1), LocalDate.of(2027, 5, 2), at.plusDays(90));
		this.jdbc.update("insert into certificate_documents (certificate_id, content) values (?, ?)", certificate,
				"%PDF-seed".getBytes(StandardCharsets.US_ASCII));
	}

	private Map<String, byte[]> export(Account member) throws IOException {
		return entries(http().get()
			.uri(ExportController.EXPORT_PATH)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + member.token())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(byte[].class)
			.returnResult()
			.getResponseBody());
	}

	private Map<String, byte[]> entries(byte[] body) throws IOException {
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

}
