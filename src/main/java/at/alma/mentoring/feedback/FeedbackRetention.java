package at.alma.mentoring.feedback;

import java.time.Clock;
import java.time.ZoneOffset;

import at.alma.mentoring.mentorship.MentorshipDirectory;
import at.alma.mentoring.platform.ClusterJob;
import at.alma.mentoring.platform.ClusterJobs;
import at.alma.mentoring.platform.RetentionSettings;

import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Removes the free-text answers of the feedback of mentorships that ended more than
 * {@link RetentionSettings#feedbackAnswers()} ago, on one node at a time, in batches. The
 * request row stays with its occasion, dates and rating: the program office's feedback
 * figures (requested, answered, average rating) count it in every period.
 */
@Configuration(proxyBeanMethods = false)
class FeedbackRetention extends ClusterJob {

	private final MentorshipDirectory mentorships;

	private final JdbcClient jdbc;

	private final RetentionSettings settings;

	private final Clock clock;

	FeedbackRetention(ClusterJobs jobs, RetentionSettings settings, MentorshipDirectory mentorships, JdbcClient jdbc,
			Clock clock) {
		super("feedback-retention", "feedback answers of ended mentorships", settings.interval(), jobs);
		this.mentorships = mentorships;
		this.jdbc = jdbc;
		this.settings = settings;
		this.clock = clock;
	}

	@Override
	protected int purge() {
		int[] removed = { 0 };
		var cutoff = this.clock.instant().atZone(ZoneOffset.UTC).minus(this.settings.feedbackAnswers()).toInstant();
		String clear = "update feedback_requests set answer = null, version = version + 1"
				+ " where mentorship_id in (:ids) and answer is not null limit " + batchSize();
		this.mentorships.forEachEndedBefore(cutoff, batchSize(), (ids) -> removed[0] += inBatches(
				() -> this.jdbc.sql(clear).param("ids", ids.stream().map(Object::toString).toList()).update()));
		return removed[0];
	}

}
