package at.alma.mentoring.chat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;

import at.alma.mentoring.ApiTest;
import at.alma.mentoring.TestMailServer;
import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The digest mail for messages left unread for a day: one mail for many messages, sent by
 * the chat-digest process's timer, never twice — not when the job runs again, not when
 * two runs overlap.
 */
class ChatDigestTests extends ApiTest {

	@Autowired
	ChatDigests digests;

	@Test
	void threeMessagesUnreadForADayGiveOneDigestMail() throws Exception {
		Account mentee = signUpWith("Mia", "Digest", "EN", "Europe/London", "MENTEE");
		Account mentor = signUp("Otto", "Digest", "MENTOR");
		UUID id = accepted(mentee, mentor);
		mail.purge(); // the acceptance mail
		this.clock.setTo(Instant.now());
		this.scenarios.sendOk(mentor, id, "First <b>message</b>");
		this.scenarios.sendOk(mentor, id, "Second message");
		this.scenarios.sendOk(mentor, id, "Third message");
		this.scenarios.sendOk(mentee, id, "the mentee's own message counts for the mentor only");

		this.clock.advance(Duration.ofHours(23));
		runDigestProcess();
		assertThat(mail.to(mentee.email())).isEmpty();

		this.clock.advance(Duration.ofMinutes(61));
		runDigestProcess();
		List<MimeMessage> mails = mail.to(mentee.email());
		assertThat(mails).hasSize(1);
		assertThat(mails.get(0).getSubject()).isEqualTo("Unread messages from Otto Digest");
		String text = TestMailServer.text(mails.get(0));
		assertThat(text).contains("3 messages from Otto Digest", "> Third message", "First <b>message</b>",
				"/mentorships/" + id + "/chat");
		assertThat(TestMailServer.html(mails.get(0))).contains("First &lt;b&gt;message&lt;/b&gt;");
		// the mentor's one unread message from the mentee is due as well, as its own mail
		assertThat(mail.to(mentor.email())).hasSize(1);
		assertThat(TestMailServer.text(mail.to(mentor.email()).get(0))).contains("Eine Nachricht von Mia Digest");

		this.clock.advance(Duration.ofMinutes(16));
		runDigestProcess();
		assertThat(mail.to(mentee.email())).hasSize(1);
	}

	@Test
	void twoOverlappingRunsSendOneDigest() throws Exception {
		Account mentee = signUp("Mia", "Overlap", "MENTEE");
		Account mentor = signUp("Otto", "Overlap", "MENTOR");
		UUID id = accepted(mentee, mentor);
		mail.purge(); // the acceptance mail
		this.clock.setTo(Instant.now());
		this.scenarios.sendOk(mentor, id, "one");
		this.scenarios.sendOk(mentor, id, "two");
		this.clock.advance(Duration.ofDays(1).plusMinutes(1));

		var barrier = new CyclicBarrier(2);
		List<CompletableFuture<Integer>> runs = List.of(1, 2)
			.stream()
			.map((run) -> CompletableFuture.supplyAsync(() -> {
				try {
					barrier.await();
				}
				catch (Exception ex) {
					throw new IllegalStateException(ex);
				}
				return this.digests.sendDue();
			}))
			.toList();
		for (CompletableFuture<Integer> run : runs) {
			run.get();
		}
		assertThat(mail.to(mentee.email())).hasSize(1);
		assertThat(this.jdbc.queryForObject("select count(*) from sent_mails where mail_key like ?", Long.class,
				"chat-digest/" + id + "/" + mentee.id() + "/%"))
			.isEqualTo(1);
	}

	@Test
	void readingInTimeMeansNoDigestAndNewMessagesStartANewDay() {
		Account mentee = signUp("Mia", "Reader", "MENTEE");
		Account mentor = signUp("Otto", "Reader", "MENTOR");
		UUID id = accepted(mentee, mentor);
		mail.purge(); // the acceptance mail
		this.clock.setTo(Instant.now());
		this.scenarios.sendOk(mentor, id, "read me");
		as(mentee).documentName("markConversationRead").variable("id", id).execute();
		this.clock.advance(Duration.ofDays(2));
		this.digests.sendDue();
		assertThat(mail.to(mentee.email())).isEmpty();

		Account freshMentor = signIn(mentor);
		this.scenarios.sendOk(freshMentor, id, "and this one?");
		this.clock.advance(Duration.ofDays(1).plusMinutes(1));
		this.digests.sendDue();
		assertThat(mail.to(mentee.email())).hasSize(1);
		assertThat(TestMailServer.text(mail.to(mentee.email()).get(0))).contains("and this one?")
			.doesNotContain("read me");
	}

	@Test
	void aDeletedMemberGetsNoDigestAndTheirMessagesAreNotQuoted() {
		Account mentee = signUp("Dora", "Deleted", "MENTEE");
		Account mentor = signUp("Paul", "Partner", "MENTOR");
		UUID id = accepted(mentee, mentor);
		this.clock.setTo(Instant.now());
		this.scenarios.sendOk(mentor, id, "unread by the leaving one");
		this.scenarios.sendOk(mentee, id, "written before leaving");
		as(mentee).document("mutation($p: String!) { deleteMyAccount(input: {password: $p}) { deleted } }")
			.variable("p", PASSWORD)
			.execute()
			.errors()
			.verify();
		mail.purge();
		this.clock.advance(Duration.ofDays(1).plusMinutes(1));
		this.digests.sendDue();
		assertThat(this.jdbc.queryForObject("select skipped from sent_mails where member_id = ? and template = ?",
				String.class, mentee.id().toString(), "chat-digest"))
			.isEqualTo("RECIPIENT_DELETED");
		assertThat(mail.received())
			.allSatisfy((message) -> assertThat(TestMailServer.text(message)).doesNotContain("written before leaving"));
	}

	/**
	 * What the job executor does when the timer is due: start an instance, run its job.
	 * The test decides when the timer fires, whatever its due date: in a database kept
	 * from an earlier run (-Pmysql) an earlier test's clock set it.
	 */
	private void runDigestProcess() {
		List<Job> timers = this.managementService.createJobQuery()
			.processDefinitionKey(ChatDigestProcess.KEY)
			.timers()
			.list();
		assertThat(timers).hasSize(1);
		this.managementService.executeJob(timers.get(0).getId());
		for (Job job : this.managementService.createJobQuery()
			.processDefinitionKey(ChatDigestProcess.KEY)
			.activityId(ChatDigestProcess.SEND_DIGESTS)
			.executable()
			.list()) {
			this.managementService.executeJob(job.getId());
		}
	}

}
