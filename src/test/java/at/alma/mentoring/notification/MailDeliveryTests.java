package at.alma.mentoring.notification;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import at.alma.mentoring.ApiTest;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The mail steps against a real SMTP server: delayed while it is down, never lost, never
 * doubled.
 */
class MailDeliveryTests extends ApiTest {

	@Autowired
	Mailbox mailbox;

	@Autowired
	Mailer mailer;

	@Autowired
	TransactionTemplate transactions;

	@AfterEach
	void smtpBack() {
		mail.start();
	}

	@Test
	void whileSmtpIsDownRetriesRunOutIntoAnIncidentAndAnAdminRetrySendsExactlyOnce() throws Exception {
		Account mentor = signUp("Smtp", "Down", "MENTOR");
		Account mentee = signUp("Retry", "Later", "MENTEE");
		mail.stop();
		UUID id = this.scenarios.requestedWithMessage(mentee, mentor);
		runJobs(id);

		List<Job> failed = jobs(id).stream().filter((job) -> job.getRetries() == 0).toList();
		assertThat(failed).hasSize(1);
		assertThat(failed.get(0).getExceptionMessage()).isNotBlank();
		List<Incident> incidents = incidents(id);
		assertThat(incidents).hasSize(1);
		assertThat(incidents.get(0).getActivityId()).isEqualTo("Task_SendMail");
		assertThat(this.runtimeService.getVariable(incidents.get(0).getProcessInstanceId(), "mail"))
			.isEqualTo("REQUEST_RECEIVED");
		assertThat(count("sent_mails where mail_key like 'request-received/" + id + "/%'")).isZero();

		// SMTP is back; the admin retries the job (Cockpit: "Increment number of
		// retries")
		mail.start();
		this.managementService.setJobRetries(failed.get(0).getId(), 1);
		runJobs(id);
		assertThat(mail.to(mentor.email())).hasSize(1);
		assertThat(incidents(id)).isEmpty();

		// the review task was there all along: the mail is delivered by its own process
		// instance
		this.scenarios.act(mentor, "acceptMentorshipRequest", id)
			.path("acceptMentorshipRequest.mentorship.status")
			.entity(String.class)
			.isEqualTo("ACCEPTED");
	}

	private List<Incident> incidents(UUID mentorshipId) {
		return processInstanceIds(mentorshipId).stream()
			.flatMap((pid) -> this.runtimeService.createIncidentQuery().processInstanceId(pid).list().stream())
			.toList();
	}

	@Test
	void aRolledBackChangeSendsNothing() {
		Account mentor = signUp("Roll", "Back", "MENTOR");
		Account mentee = signUp("Never", "Sent", "MENTEE");
		UUID id = requested(mentee, mentor);
		runJobs(id);
		mail.purge();
		long[] before = mentorshipFootprint();
		this.transactions.executeWithoutResult((status) -> {
			this.mailbox.post(Reminder.REQUEST_REMINDER, id.toString(), Map.of("mentorshipId", id.toString()));
			status.setRollbackOnly();
		});
		assertThat(mentorshipFootprint()).containsExactly(before);
		runJobs(id);
		assertThat(mail.received()).isEmpty();
	}

	@Test
	void theSameMailStepRunTwiceSendsOneMail() throws Exception {
		Account mentor = signUp("Twice", "Run", "MENTOR");
		Account mentee = signUp("Once", "Sent", "MENTEE");
		UUID id = this.scenarios.requestedWithMessage(mentee, mentor);
		runJobs(id);
		// a job that runs again (crash after sending, expired lock, a second node) finds
		// its key sent
		String sent = this.jdbc.queryForObject("select mail_key from sent_mails where mail_key like ?", String.class,
				"request-received/" + id + "/%");
		assertThat(this.mailer.send(reminder(sent, mentor, id))).isFalse();
		assertThat(mail.to(mentor.email())).hasSize(1);

		// and two attempts at the very same moment: one sends, the other waits on the key
		// and sends nothing
		var barrier = new CyclicBarrier(2);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			List<Future<Object>> attempts = new ArrayList<>();
			for (int i = 0; i < 2; i++) {
				attempts.add(pool.submit(() -> {
					barrier.await(10, TimeUnit.SECONDS);
					try {
						this.transactions.executeWithoutResult(
								(status) -> this.mailer.send(reminder("request-reminder/" + id + "/1", mentor, id)));
						return "done";
					}
					catch (RuntimeException ex) {
						return ex; // lost the race on the key: the job would be retried
									// and find it sent
					}
				}));
			}
			for (var attempt : attempts) {
				attempt.get(30, TimeUnit.SECONDS);
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(mail.to(mentor.email())).extracting((message) -> message.getSubject())
			.filteredOn((subject) -> subject.startsWith("Erinnerung"))
			.hasSize(1);
	}

	/**
	 * The reminder of a request as the mentorship module composes it, under {@code key}.
	 */
	private static Mail reminder(String key, Account mentor, UUID mentorship) {
		return new Mail(key, new Recipient(mentor.email(), "Twice Run", Locale.GERMAN, ZoneId.of("Europe/Vienna")),
				"request-reminder",
				Map.of("otherName", "Once Sent", "link", "https://alma.test/mentorships/" + mentorship), "Once Sent");
	}

	/**
	 * The mentorship module's reminder kind, by its wire name (the module's kind enum is
	 * its own).
	 */
	private enum Reminder implements MailKind {

		REQUEST_REMINDER;

		@Override
		public String wireName() {
			return name();
		}

	}

}
