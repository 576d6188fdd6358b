package at.alma.mentoring.member;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import at.alma.mentoring.platform.ClusterJob;
import at.alma.mentoring.platform.ClusterJobs;
import at.alma.mentoring.platform.RetentionSettings;

import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Deletes the records of password reset and e-mail verification links (a token's hash,
 * the addresses of an address change) that expired more than
 * {@link RetentionSettings#accountLinks()} ago, on one node at a time, in batches. A link
 * works only until it expires; the rows stay that long after so that a mail still in
 * delivery to a changed address finds whose it was ({@code SuspendedRecipients}).
 */
@Configuration(proxyBeanMethods = false)
class AccountLinkRetention extends ClusterJob {

	private final JdbcClient jdbc;

	private final RetentionSettings settings;

	private final Clock clock;

	AccountLinkRetention(ClusterJobs jobs, RetentionSettings settings, JdbcClient jdbc, Clock clock) {
		super("account-link-retention", "expired password reset and e-mail verification links", settings.interval(),
				jobs);
		this.jdbc = jdbc;
		this.settings = settings;
		this.clock = clock;
	}

	@Override
	protected int purge() {
		LocalDateTime cutoff = LocalDateTime.ofInstant(
				this.clock.instant().atZone(ZoneOffset.UTC).minus(this.settings.accountLinks()).toInstant(),
				ZoneOffset.UTC);
		int removed = 0;
		for (String table : new String[] { "password_resets", "email_verifications" }) {
			String delete = "delete from " + table + " where expires_at < :cutoff limit " + batchSize();
			removed += inBatches(() -> this.jdbc.sql(delete).param("cutoff", cutoff).update());
		}
		return removed;
	}

}
