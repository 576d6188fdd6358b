package at.alma.mentoring.chat;

import java.time.Clock;
import java.time.ZoneOffset;

import at.alma.mentoring.mentorship.MentorshipDirectory;
import at.alma.mentoring.platform.ClusterJob;
import at.alma.mentoring.platform.ClusterJobs;
import at.alma.mentoring.platform.RetentionSettings;

import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Deletes the chat messages of mentorships that ended more than
 * {@link RetentionSettings#chatMessages()} ago, on one node at a time, in batches. The
 * conversation and its read marks (ids only) stay; the chat then shows no messages.
 */
@Configuration(proxyBeanMethods = false)
class ChatRetention extends ClusterJob {

	private final MentorshipDirectory mentorships;

	private final JdbcClient jdbc;

	private final RetentionSettings settings;

	private final Clock clock;

	ChatRetention(ClusterJobs jobs, RetentionSettings settings, MentorshipDirectory mentorships, JdbcClient jdbc,
			Clock clock) {
		super("chat-retention", "chat messages of ended mentorships", settings.interval(), jobs);
		this.mentorships = mentorships;
		this.jdbc = jdbc;
		this.settings = settings;
		this.clock = clock;
	}

	@Override
	protected int purge() {
		int[] removed = { 0 };
		var cutoff = this.clock.instant().atZone(ZoneOffset.UTC).minus(this.settings.chatMessages()).toInstant();
		String delete = "delete from chat_messages where mentorship_id in (:ids) limit " + batchSize();
		this.mentorships.forEachEndedBefore(cutoff, batchSize(), (ids) -> removed[0] += inBatches(
				() -> this.jdbc.sql(delete).param("ids", ids.stream().map(Object::toString).toList()).update()));
		return removed[0];
	}

}
