package at.alma.mentoring.notification;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import at.alma.mentoring.platform.ClusterJob;
import at.alma.mentoring.platform.ClusterJobs;
import at.alma.mentoring.platform.RetentionSettings;

import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Deletes the mail log's rows ({@code sent_mails}: key, recipient, template, time) older
 * than {@link RetentionSettings#sentMails()}, on one node at a time, in batches. A key
 * guards against a second sending only while its row exists: a mail-delivery instance
 * whose incident stays unresolved for longer than the retention would send its mail again
 * when retried.
 */
@Configuration(proxyBeanMethods = false)
class SentMailRetention extends ClusterJob {

	private final JdbcClient jdbc;

	private final RetentionSettings settings;

	private final Clock clock;

	SentMailRetention(ClusterJobs jobs, RetentionSettings settings, JdbcClient jdbc, Clock clock) {
		super("sent-mail-retention", "mail log rows", settings.interval(), jobs);
		this.jdbc = jdbc;
		this.settings = settings;
		this.clock = clock;
	}

	@Override
	protected int purge() {
		LocalDateTime cutoff = LocalDateTime.ofInstant(
				this.clock.instant().atZone(ZoneOffset.UTC).minus(this.settings.sentMails()).toInstant(),
				ZoneOffset.UTC);
		String delete = "delete from sent_mails where sent_at < :cutoff limit " + batchSize();
		return inBatches(() -> this.jdbc.sql(delete).param("cutoff", cutoff).update());
	}

}
