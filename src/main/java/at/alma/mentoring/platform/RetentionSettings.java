package at.alma.mentoring.platform;

import java.time.Duration;
import java.time.Period;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long members' data is kept (docs/privacy.md, "How long"). Periods of mentorship
 * data count from the END of the mentorship: nothing of a running mentorship is removed.
 *
 * @param chatMessages chat messages of a mentorship, from its end
 * @param feedbackAnswers the free-text answers of a mentorship's feedback, from its end;
 * occasion, dates and rating stay for the program office's statistics
 * @param sentMails the mail log ({@code sent_mails}), from each mail's sending
 * @param accountLinks password reset and e-mail verification links, from their expiry
 * @param processHistory Camunda's history time to live for every process (whole days),
 * counted from the end of the root process instance (a mentorship's lifecycle ends with
 * the mentorship); set on the deployed definitions at start
 * @param processHistoryOf per process key, a time to live other than
 * {@code processHistory}; the defaults keep the mail-delivery and chat-digest instances
 * (one per mail, one per digest) for a short time
 * @param interval how often each node tries to run each retention job; only one node runs
 * a job at a time (a cluster lock), the others skip that turn
 * @param batchSize rows deleted per statement and transaction
 * @param maxBatches batches per job and run; what is left waits for the next run
 * @param lockAtMostFor how long a job's lock holds if its node dies while running
 */
@ConfigurationProperties("mentoring.retention")
public record RetentionSettings(@DefaultValue("P1Y") Period chatMessages, @DefaultValue("P2Y") Period feedbackAnswers,
		@DefaultValue("P1Y") Period sentMails, @DefaultValue("P30D") Period accountLinks,
		@DefaultValue("P180D") Duration processHistory, Map<String, Duration> processHistoryOf,
		@DefaultValue("PT6H") Duration interval, @DefaultValue("500") int batchSize,
		@DefaultValue("200") int maxBatches, @DefaultValue("PT30M") Duration lockAtMostFor) {

	/** The defaults of {@code processHistoryOf}. */
	public static final Map<String, Duration> PROCESS_HISTORY_DEFAULTS = Map.of("mail-delivery", Duration.ofDays(30),
			"chat-digest", Duration.ofDays(7));

	public RetentionSettings {
		processHistoryOf = (processHistoryOf != null) ? Map.copyOf(processHistoryOf) : PROCESS_HISTORY_DEFAULTS;
		if (batchSize < 1 || maxBatches < 1) {
			throw new IllegalArgumentException("mentoring.retention.batch-size and max-batches must be positive");
		}
	}

	/** Camunda's history time to live of the process {@code key}, in days. */
	public int processHistoryDays(String key) {
		return (int) this.processHistoryOf.getOrDefault(key, this.processHistory).toDays();
	}

}
