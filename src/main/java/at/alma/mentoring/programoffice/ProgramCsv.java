package at.alma.mentoring.programoffice;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import at.alma.mentoring.programoffice.ProgramFigures.DurationFigure;
import at.alma.mentoring.programoffice.ProgramFigures.FeedbackFigure;
import at.alma.mentoring.programoffice.ProgramFigures.FunnelStep;
import at.alma.mentoring.programoffice.ProgramFigures.ProgramMonth;
import at.alma.mentoring.programoffice.ProgramFigures.TopicCount;

/**
 * The report's numbers as CSV (RFC 4180: comma, CRLF, double quotes; UTF-8 with a header
 * row), one number per row: {@code section,figure,measure,value}. Numbers are plain (dot
 * as decimal separator, shares as fractions). A cell that a spreadsheet would read as a
 * formula ({@code = + - @}, tab, CR at its start) gets a leading apostrophe: topics are
 * typed by members.
 */
final class ProgramCsv {

	static final String HEADER = "section,figure,measure,value";

	private final StringBuilder out = new StringBuilder();

	private ProgramCsv() {
		line(HEADER.split(","));
	}

	static byte[] of(ProgramFigures figures, List<ProgramMonth> months) {
		ProgramCsv csv = new ProgramCsv();
		csv.row("period", "from", "date", figures.from().toString());
		csv.row("period", "to", "date", figures.to().toString());
		for (FunnelStep step : figures.funnel()) {
			csv.row("funnel", step.step(), "count", step.count());
			csv.row("funnel", step.step(), "rate", step.rate());
		}
		for (DurationFigure duration : figures.durations()) {
			csv.row("duration", duration.measure(), "count", duration.count());
			csv.row("duration", duration.measure(), "p50_seconds", duration.p50Seconds());
			csv.row("duration", duration.measure(), "p90_seconds", duration.p90Seconds());
		}
		var meetings = figures.meetings();
		csv.row("meetings", "approved_agreements", "mentorships", meetings.mentorships());
		csv.row("meetings", "approved_agreements", "planned", meetings.planned());
		csv.row("meetings", "approved_agreements", "held", meetings.held());
		csv.row("meetings", "approved_agreements", "held_share", meetings.heldShare());
		for (FeedbackFigure feedback : figures.feedback()) {
			csv.row("feedback", feedback.occasion(), "requested", feedback.requested());
			csv.row("feedback", feedback.occasion(), "answered", feedback.answered());
			csv.row("feedback", feedback.occasion(), "answered_share", feedback.answeredShare());
			csv.row("feedback", feedback.occasion(), "average_rating", feedback.averageRating());
		}
		var load = figures.mentorLoad();
		csv.row("mentor_load", "as_of", "instant", load.asOf().toString());
		csv.row("mentor_load", "mentors", "count", load.mentors());
		csv.row("mentor_load", "available", "count", load.available());
		csv.row("mentor_load", "capacity", "places", load.capacity());
		csv.row("mentor_load", "places_taken", "places", load.placesTaken());
		csv.row("mentor_load", "capacity_used", "share", load.capacityUsed());
		csv.row("mentor_load", "at_capacity", "count", load.atCapacity());
		csv.row("mentor_load", "without_requests", "count", load.withoutRequests());
		for (TopicCount topic : figures.topTopics()) {
			csv.row("topic", topic.topic(), "requests", topic.requests());
		}
		for (ProgramMonth month : months) {
			csv.row("month", month.month(), "requested", month.requested());
			csv.row("month", month.month(), "accepted", month.accepted());
			csv.row("month", month.month(), "declined", month.declined());
			csv.row("month", month.month(), "withdrawn", month.withdrawn());
			csv.row("month", month.month(), "expired", month.expired());
			csv.row("month", month.month(), "agreement_approved", month.agreementApproved());
			csv.row("month", month.month(), "completed", month.completed());
			csv.row("month", month.month(), "terminated", month.terminated());
			csv.row("month", month.month(), "meetings_held", month.meetingsHeld());
		}
		return csv.out.toString().getBytes(StandardCharsets.UTF_8);
	}

	private void row(String section, String figure, String measure, Object value) {
		String text = (value == null) ? ""
				: (value instanceof Double number) ? String.format(Locale.ROOT, "%.4f", number) : value.toString();
		line(section, figure, measure, text);
	}

	private void line(String... cells) {
		for (int i = 0; i < cells.length; i++) {
			if (i > 0) {
				this.out.append(',');
			}
			this.out.append(cell(cells[i]));
		}
		this.out.append("\r\n");
	}

	/** Neutralised against formula injection, then quoted when RFC 4180 needs it. */
	static String cell(String value) {
		String text = value;
		if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
			text = "'" + text;
		}
		if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
			text = '"' + text.replace("\"", "\"\"") + '"';
		}
		return text;
	}

}
