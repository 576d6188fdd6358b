package at.alma.mentoring.privacy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.mail.internet.MimeMessage;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

import at.alma.mentoring.ApiTest;
import at.alma.mentoring.TestMailServer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code deleteMyAccount} through {@code /graphql}, with the real engine and mail: a
 * member with a completed and an active mentorship, chat, meetings, feedback and a group
 * deletes their account; afterwards no table of the database — the application's or the
 * engine's — holds their names, address, bio, messages or feedback, while the other sides
 * keep their records and certificates.
 */
class AccountDeletionTests extends ApiTest {

	private static final String DELETE = """
			mutation($p: String!) { deleteMyAccount(input: {password: $p}) { deleted } }""";

	private static final String VERIFY = """
			query($c: String!) { verifyCertificate(code: $c) { valid revoked holderName role } }""";

	@Autowired
	DataSource dataSource;

	@Test
	void deletesEverythingPersonalAndLeavesTheOtherSidesTheirRecords() throws Exception {
		this.clock.setTo(Instant.parse("2027-02-01T09:00:00Z"));
		String first = "Quirina" + letters();
		String last = "Zerstreut" + letters();
		String bio = "Bio von Quirina " + letters();
		String goals = "Ziele von Quirina " + letters();
		Account leaving = signUp(first, last, "MENTEE");
		Account finished = signUp("Moritz", "Abgeschlossen", "MENTOR");
		Account ongoing = signUpWith("Olivia", "Ongoing", "EN", "Europe/London", "MENTOR");
		Account grouped = signUp("Gustav", "Gruppe", "MENTEE");
		// with an Idempotency-Key: the stored answer names the member
		as(leaving).mutate()
			.header("Idempotency-Key", UUID.randomUUID().toString())
			.build()
			.document(
					"""
							mutation($bio: String!, $goals: String!) { updateProfile(input: {bio: $bio, goals: $goals, fields: ["Löschfeld"], topics: ["Löschthema"], languages: ["Klingonisch"],
							  location: "Zerstreutheim"}) { me { id firstName lastName bio } } }""")
			.variable("bio", bio)
			.variable("goals", goals)
			.execute()
			.errors()
			.verify();

		UUID completed = active(leaving, finished);
		UUID running = active(leaving, ongoing);
		List<String> texts = new ArrayList<>();
		for (UUID mentorship : List.of(completed, running)) {
			String text = "Geheime Nachricht " + letters();
			this.scenarios.sendOk(leaving, mentorship, text);
			texts.add(text);
		}
		this.scenarios.sendOk(finished, completed, "Antwort des Mentors");
		UUID held = this.scenarios.meetingAfterItsTime(leaving, finished, completed);
		this.scenarios.held(leaving, finished, held);
		runJobs(completed);
		String feedback = "Vertrauliche Rückmeldung " + letters();
		this.scenarios.answerFeedback(signIn(leaving), feedback);
		this.scenarios.closure(signIn(finished), "proposeClosure", completed);
		this.scenarios.closure(signIn(leaving), "confirmClosure", completed);
		runJobs(completed);

		leaving = signIn(leaving);
		UUID scheduled = this.scenarios.proposed(leaving, running, slot("2027-04-20T10:00Z"));
		// the invitation to the leaving member fails: the SMTP server is down
		mail.stop();
		this.scenarios.schedule(signIn(ongoing), scheduled, 0).errors().verify();
		runJobs(running);
		mail.start();
		recordFailedMail(running, leaving.email());
		String group = as(leaving).document("mutation($n: String!) { createGroup(input: {name: $n}) { group { id } } }")
			.variable("n", "Löschgruppe " + UUID.randomUUID())
			.execute()
			.path("createGroup.group.id")
			.entity(String.class)
			.get();
		grouped = signIn(grouped);
		as(grouped).document("mutation($g: ID!) { joinGroup(input: {groupId: $g}) { group { id } } }")
			.variable("g", group)
			.execute()
			.errors()
			.verify();
		String alone = as(leaving).document("mutation($n: String!) { createGroup(input: {name: $n}) { group { id } } }")
			.variable("n", "Einzelgruppe " + UUID.randomUUID())
			.execute()
			.path("createGroup.group.id")
			.entity(String.class)
			.get();
		String ownCode = certificateCode(leaving);
		String othersCode = certificateCode(signIn(finished));
		runJobs(leaving.id());
		mail.purge();
		// a reset mail not sent yet: withdrawn with the account
		anonymous().document("mutation($e: String!) { requestPasswordReset(input: {email: $e}) { requested } }")
			.variable("e", leaving.email())
			.execute()
			.errors()
			.verify();

		as(leaving).document(DELETE)
			.variable("p", PASSWORD)
			.execute()
			.path("deleteMyAccount.deleted")
			.entity(Boolean.class)
			.isEqualTo(true);
		runJobs(running);
		runJobs(completed);
		assertThat(processInstanceIds(leaving.id())).isEmpty();

		// the active mentorship ended, its scheduled meeting was cancelled, the other
		// side
		// was told in their language, without the name
		assertThat(status(signIn(ongoing), running)).isEqualTo("TERMINATED");
		List<MimeMessage> toOngoing = mail.take(ongoing.email());
		assertThat(toOngoing).anySatisfy((message) -> {
			assertThat(message.getSubject()).contains("a former member");
			assertThat(TestMailServer.text(message)).contains("the other member left the platform");
		});
		assertThat(toOngoing).anySatisfy((message) -> assertThat(
				TestMailServer.part(message, "text/calendar").replace("\r\n ", "").replace("\n ", ""))
			.contains("METHOD:CANCEL")
			.contains("STATUS:CANCELLED")
			.contains("Mentoring: a former member & Olivia Ongoing")
			.doesNotContain(first));
		for (MimeMessage message : toOngoing) {
			assertThat(message.getSubject() + TestMailServer.text(message)).doesNotContain(first).doesNotContain(last);
		}
		assertThat(mail.to(leaving.email())).isEmpty();

		// the other side sees "a former member", in their language, and the messages as
		// markers (newest first)
		as(signIn(ongoing)).document("query($id: ID!) { mentorship(id: $id) { mentee { displayName firstName } } }")
			.variable("id", running)
			.execute()
			.path("mentorship.mentee.displayName")
			.entity(String.class)
			.isEqualTo("a former member");
		var messages = as(signIn(finished))
			.document("query($id: ID!) { mentorship(id: $id) { messages { edges { node { text deleted fromMe"
					+ " sender { displayName } } } } } }")
			.variable("id", completed)
			.execute();
		messages.path("mentorship.messages.edges[*].node.deleted")
			.entityList(Boolean.class)
			.containsExactly(false, true)
			.path("mentorship.messages.edges[*].node.text")
			.entityList(String.class)
			.containsExactly("Antwort des Mentors", "")
			.path("mentorship.messages.edges[1].node.sender.displayName")
			.entity(String.class)
			.isEqualTo("ein ehemaliges Mitglied");

		// the group has a new leader: the longest-standing member
		as(grouped).document("query($g: ID!) { group(id: $g) { memberCount leaders { id } } }")
			.variable("g", group)
			.execute()
			.path("group.memberCount")
			.entity(Integer.class)
			.isEqualTo(1)
			.path("group.leaders[0].id")
			.entity(String.class)
			.isEqualTo(grouped.id().toString());

		// a group left without members is closed
		as(grouped).document("query($g: ID!) { group(id: $g) { memberCount closedAt } }")
			.variable("g", alone)
			.execute()
			.path("group.memberCount")
			.entity(Integer.class)
			.isEqualTo(0)
			.path("group.closedAt")
			.hasValue();
		expectCode(as(grouped).document("mutation($g: ID!) { joinGroup(input: {groupId: $g}) { group { id } } }")
			.variable("g", alone)
			.execute(), "GROUP_CLOSED");

		// the other side's certificate stays valid and downloads, naming a former member
		Account mentor = signIn(finished);
		String url = as(mentor).document("{ me { certificates { otherName downloadUrl } } }")
			.execute()
			.path("me.certificates[0].otherName")
			.entity(String.class)
			.isEqualTo("einem ehemaligen Mitglied")
			.path("me.certificates[0].downloadUrl")
			.entity(String.class)
			.get();
		byte[] pdf = http().get()
			.uri(url)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + mentor.token())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(byte[].class)
			.returnResult()
			.getResponseBody();
		try (PDDocument document = Loader.loadPDF(pdf)) {
			assertThat(new PDFTextStripper().getText(document)).contains("einem ehemaligen Mitglied")
				.contains("Moritz Abgeschlossen")
				.doesNotContain(first);
		}
		anonymous().document(VERIFY)
			.variable("c", othersCode)
			.execute()
			.path("verifyCertificate.valid")
			.entity(Boolean.class)
			.isEqualTo(true)
			.path("verifyCertificate.holderName")
			.entity(String.class)
			.isEqualTo("Moritz Abgeschlossen");
		// the deleted member's own certificate verifies as revoked, without a name
		anonymous().document(VERIFY)
			.variable("c", ownCode)
			.execute()
			.path("verifyCertificate.valid")
			.entity(Boolean.class)
			.isEqualTo(false)
			.path("verifyCertificate.revoked")
			.entity(Boolean.class)
			.isEqualTo(true)
			.path("verifyCertificate.holderName")
			.valueIsNull();
		assertThat(this.jdbc.queryForObject("select count(*) from achievements where member_id = ?", Integer.class,
				finished.id().toString()))
			.isPositive();

		// the account cannot sign in, its tokens are dead, it is gone from the directory
		expectCode(anonymous().documentName("signIn").variable("e", leaving.email()).variable("p", PASSWORD).execute(),
				"INVALID_CREDENTIALS");
		http().get()
			.uri(ExportController.EXPORT_PATH)
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + leaving.token())
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectBody()
			.jsonPath("$.errors[0].extensions.reason")
			.isEqualTo("REVOKED");
		expectCode(as(mentor).document("query($id: ID!) { member(id: $id) { id } }")
			.variable("id", leaving.id())
			.execute(), "NOT_FOUND");

		// admins see the tombstone as such
		as(admin())
			.document("query($s: String!) { members(search: $s, first: 5) { edges { node { status firstName } } } }")
			.variable("s", leaving.id().toString())
			.execute()
			.path("members.edges[0].node.status")
			.entity(String.class)
			.isEqualTo("DELETED")
			.path("members.edges[0].node.firstName")
			.entity(String.class)
			.isEqualTo("");

		// nothing personal stays anywhere; the id may
		List<String> personal = new ArrayList<>(List.of(first, last, leaving.email(), bio, goals, feedback));
		personal.addAll(texts);
		DatabaseScan.Result scan = DatabaseScan.find(this.dataSource, personal);
		assertThat(scan.tables()).anyMatch((table) -> table.equalsIgnoreCase("ACT_GE_BYTEARRAY"))
			.anyMatch((table) -> table.equalsIgnoreCase("ACT_HI_VARINST"))
			.anyMatch((table) -> table.equalsIgnoreCase("members"));
		assertThat(scan.found()).isEmpty();
		// the scan finds what is there: the other side's name is kept
		assertThat(DatabaseScan.find(this.dataSource, List.of("Abgeschlossen")).found()).isNotEmpty();
	}

	@Test
	void anEarlierAddressAndAWithdrawnConfirmationGoToo() throws Exception {
		Account mentee = signUp("Wiebke", "Widerruf", "MENTEE");
		Account mentor = signUp("Max", "Mentor", "MENTOR");
		UUID mentorship = active(mentee, mentor);
		UUID meeting = this.scenarios.meetingAfterItsTime(mentee, mentor, mentorship);
		this.scenarios.confirm(signIn(mentee), meeting).errors().verify();
		this.scenarios
			.meetingMutation(signIn(mentor), "reportMeetingNotHeld",
					Map.of("meetingId", meeting, "reason", "Wir haben uns nicht getroffen"))
			.path("reportMeetingNotHeld.meeting.status")
			.entity(String.class)
			.isEqualTo("DISPUTED");
		// the mentee takes the confirmation back, with a reason of her own
		String withdrawal = "Widerruf von Wiebke " + letters();
		this.scenarios
			.meetingMutation(signIn(mentee), "reportMeetingNotHeld", Map.of("meetingId", meeting, "reason", withdrawal))
			.path("reportMeetingNotHeld.meeting.status")
			.entity(String.class)
			.isEqualTo("NOT_HELD");
		runJobs(mentorship);

		// a new address; a mail to the old one recorded before sent_mails knew member ids
		String oldEmail = mentee.email();
		String newEmail = "neu." + UUID.randomUUID() + "@alma.test";
		Account moved = this.scenarios.changedEmail(mentee, newEmail);
		// the program office exported her data on her request, naming her in the reason
		http().post()
			.uri("/api/admin/members/" + mentee.id() + "/export")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + admin().token())
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("reason", "Anfrage von " + oldEmail))
			.exchange()
			.expectStatus()
			.isOk();
		this.jdbc.update("insert into sent_mails (mail_key, recipient, template, sent_at) values (?, ?, ?, ?)",
				"legacy/" + UUID.randomUUID(), oldEmail, "request-accepted", LocalDateTime.of(2026, 11, 1, 9, 0));
		runJobs(mentee.id());

		as(moved).document(DELETE)
			.variable("p", PASSWORD)
			.execute()
			.path("deleteMyAccount.deleted")
			.entity(Boolean.class)
			.isEqualTo(true);
		runJobs(mentorship);
		runJobs(mentee.id());

		assertThat(DatabaseScan.find(this.dataSource, List.of(oldEmail, newEmail, withdrawal, "Widerruf")).found())
			.isEmpty();
		// the mentor's own words stay with him
		assertThat(DatabaseScan.find(this.dataSource, List.of("Wir haben uns nicht getroffen")).found()).isNotEmpty();
	}

	@Test
	void aDeletedMentorLeavesTheDirectoryAndTheRequestToThemEnds() {
		Account mentee = signUp("Suchende", "Mentee", "MENTEE");
		Account mentor = signUp("Gehender", "Mentor", "MENTOR");
		String topic = "Abschiedsthema " + letters();
		as(mentor).document("mutation($t: String!) { updateProfile(input: {topics: [$t]}) { me { id } } }")
			.variable("t", topic)
			.execute()
			.errors()
			.verify();
		UUID request = requested(mentee, mentor);
		String directory = "query($t: String!) { mentors(topic: $t, first: 10) { edges { node { id } } } }";
		as(mentee).document(directory)
			.variable("t", topic)
			.execute()
			.path("mentors.edges[*].node.id")
			.entityList(String.class)
			.containsExactly(mentor.id().toString());

		as(mentor).document(DELETE).variable("p", PASSWORD).execute().errors().verify();

		as(mentee).document(directory)
			.variable("t", topic)
			.execute()
			.path("mentors.edges")
			.entityList(Object.class)
			.hasSize(0);
		assertThat(status(mentee, request)).isEqualTo("DECLINED");
	}

	@Test
	void aWrongPasswordChangesNothing() throws Exception {
		Account member = signUp("Falsch", "Passwort", "MENTEE");
		Account mentor = signUp("Bleibt", "Aktiv", "MENTOR");
		UUID mentorship = active(member, mentor);
		long[] footprint = mentorshipFootprint();
		String row = memberRow(member);

		expectCode(as(member).document(DELETE).variable("p", "not-the-password").execute(), "WRONG_PASSWORD");

		assertThat(mentorshipFootprint()).isEqualTo(footprint);
		assertThat(memberRow(member)).isEqualTo(row);
		assertThat(status(signIn(member), mentorship)).isEqualTo("ACTIVE");
	}

	@Test
	void anAdminCannotDeleteTheirAccount() throws Exception {
		Account admin = admin();
		long[] footprint = mentorshipFootprint();
		String row = memberRow(admin);

		expectCode(as(admin).document(DELETE).variable("p", PASSWORD).execute(), "ADMIN_CANNOT_DELETE");

		assertThat(mentorshipFootprint()).isEqualTo(footprint);
		assertThat(memberRow(admin)).isEqualTo(row);
		as(signIn(admin)).document("{ me { id } }").execute().errors().verify();
	}

	/**
	 * A mail job that failed, with the text the engine keeps of an SMTP server that
	 * refused the address (GreenMail refuses no address; the send failed because the
	 * server was down): its message and stack trace quote the address. The job waits for
	 * its next retry, later than the test clock gets.
	 */
	private void recordFailedMail(UUID mentorship, String email) {
		String job = jobs(mentorship).stream()
			.filter((candidate) -> candidate.getExceptionMessage() != null)
			.findFirst()
			.orElseThrow()
			.getId();
		String failure = "550 5.1.1 <" + email + ">: Recipient address rejected";
		this.jdbc.update("update ACT_RU_JOB set EXCEPTION_MSG_ = ? where ID_ = ?", failure, job);
		assertThat(this.jdbc.update(
				"update ACT_GE_BYTEARRAY set BYTES_ = ? where ID_ ="
						+ " (select EXCEPTION_STACK_ID_ from ACT_RU_JOB where ID_ = ?)",
				("org.springframework.mail.MailSendException: " + failure).getBytes(StandardCharsets.UTF_8), job))
			.isOne();
	}

	private String memberRow(Account member) {
		return this.jdbc.queryForMap("select * from members where id = ?", member.id().toString()).toString();
	}

	private String status(Account member, UUID mentorship) {
		return as(member).document("query($id: ID!) { mentorship(id: $id) { status } }")
			.variable("id", mentorship)
			.execute()
			.path("mentorship.status")
			.entity(String.class)
			.get();
	}

	private String certificateCode(Account member) {
		return as(member).document("{ me { certificates { verificationCode } } }")
			.execute()
			.path("me.certificates[0].verificationCode")
			.entity(String.class)
			.get();
	}

	private static Map<String, Object> slot(String start) {
		return Map.of("start", start, "durationMinutes", 60, "kind", "VIDEO", "link", "https://meet.example.org/alma");
	}

	/**
	 * Eight random letters: the texts of one run are found only where that run put them.
	 */
	private static String letters() {
		Random random = new Random();
		StringBuilder letters = new StringBuilder();
		for (int i = 0; i < 8; i++) {
			letters.append((char) ('a' + random.nextInt(26)));
		}
		return letters.toString();
	}

}
