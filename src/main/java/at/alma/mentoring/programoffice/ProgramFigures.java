package at.alma.mentoring.programoffice;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The program's figures for a period (see docs/api.md, "Program office", for each
 * definition).
 */
record ProgramFigures(LocalDate from, LocalDate to, List<FunnelStep> funnel, List<DurationFigure> durations,
		MeetingFigures meetings, List<FeedbackFigure> feedback, MentorLoad mentorLoad, List<TopicCount> topTopics) {

	/** A step of the funnel; {@code rate} is the share of the period's requests. */
	record FunnelStep(String step, long count, Double rate) {
	}

	/** Nearest-rank percentiles of a duration, in seconds; null without values. */
	record DurationFigure(String measure, long count, Long p50Seconds, Long p90Seconds) {
	}

	record MeetingFigures(long mentorships, long planned, long held, Double heldShare) {
	}

	record FeedbackFigure(String occasion, long requested, long answered, Double answeredShare, Double averageRating) {
	}

	/**
	 * As of {@code asOf} (the query's time), not of the period; only the requests are
	 * counted in the period.
	 */
	record MentorLoad(Instant asOf, long mentors, long available, long capacity, long placesTaken, Double capacityUsed,
			long atCapacity, long withoutRequests) {
	}

	record TopicCount(String topic, long requests) {
	}

	/** One month of the series (UTC months). */
	record ProgramMonth(String month, long requested, long accepted, long declined, long withdrawn, long expired,
			long agreementApproved, long completed, long terminated, long meetingsHeld) {
	}

}
