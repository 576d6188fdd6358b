package at.alma.mentoring.chat;

import java.time.Clock;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * {@code ${chatDigests}}: the step of the chat-digest process. Finds the readers with
 * messages unread for longer than {@code mentoring.chat.digest-after} and sends each one
 * digest per conversation, each in its own transaction. A digest that fails stays due for
 * the next run; the step then fails too, so the job retries and Cockpit shows the
 * incident once the retries are used up.
 */
@Component("chatDigests")
class ChatDigests implements JavaDelegate {

	private static final Logger logger = LoggerFactory.getLogger(ChatDigests.class);

	private final ReadStates readStates;

	private final DigestMail digestMail;

	private final ChatSettings settings;

	private final Clock clock;

	ChatDigests(ReadStates readStates, DigestMail digestMail, ChatSettings settings, Clock clock) {
		this.readStates = readStates;
		this.digestMail = digestMail;
		this.settings = settings;
		this.clock = clock;
	}

	@Override
	public void execute(DelegateExecution execution) {
		sendDue();
	}

	/** Sends the due digests; returns how many this run sent. */
	int sendDue() {
		List<ReadStates.DueDigest> due = this.readStates
			.dueDigests(this.clock.instant().minus(this.settings.digestAfter()), this.settings.digestBatchSize());
		int sent = 0;
		int failed = 0;
		for (ReadStates.DueDigest digest : due) {
			try {
				if (this.digestMail.send(digest)) {
					sent++;
				}
			}
			catch (RuntimeException ex) {
				failed++;
				logger.warn("Chat digest for member {} in mentorship {} failed; it stays due", digest.memberId(),
						digest.mentorshipId(), ex);
			}
		}
		if (failed > 0) {
			throw new IllegalStateException(failed + " of " + due.size() + " chat digests failed (see the log)");
		}
		return sent;
	}

}
