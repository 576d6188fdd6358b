package at.alma.mentoring.programoffice;

import java.text.NumberFormat;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import at.alma.mentoring.platform.CompiledReport;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperExportManager;
import net.sf.jasperreports.engine.JasperFillManager;
import net.sf.jasperreports.engine.data.JRMapCollectionDataSource;

import at.alma.mentoring.programoffice.ProgramFigures.DurationFigure;
import at.alma.mentoring.programoffice.ProgramFigures.FeedbackFigure;
import at.alma.mentoring.programoffice.ProgramFigures.FunnelStep;
import at.alma.mentoring.programoffice.ProgramFigures.ProgramMonth;
import at.alma.mentoring.programoffice.ProgramFigures.TopicCount;

import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;

/**
 * The program report as an A4 PDF from {@code programoffice/program-report.jrxml}
 * (compiled once): the funnel and the monthly series as charts, then every figure as a
 * table, in German or English. Numbers are formatted here, in the reader's language, and
 * go in as text; topics (typed by members) are data, never report expressions. Every
 * expression of the template is a plain parameter, field or variable reference, which
 * JasperReports evaluates without compiling a class.
 */
@Component
class ProgramReport {

	static final String TEMPLATE = "programoffice/program-report.jrxml";

	private final ResourceBundleMessageSource texts = new ResourceBundleMessageSource();

	private final CompiledReport report = new CompiledReport(TEMPLATE);

	ProgramReport() {
		this.texts.setBasename("programoffice/messages");
		this.texts.setDefaultEncoding("UTF-8");
		this.texts.setFallbackToSystemLocale(false);
	}

	byte[] render(ProgramFigures figures, List<ProgramMonth> months, Locale locale) {
		DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale);
		DateTimeFormatter times = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
			.withLocale(locale)
			.withZone(ZoneOffset.UTC);
		Map<String, Object> parameters = new HashMap<>();
		parameters.put("TITLE", text("title", locale));
		parameters.put("PERIOD_TEXT", text("period", locale, dates.format(figures.from()), dates.format(figures.to())));
		parameters.put("GENERATED_TEXT", text("generated", locale, times.format(figures.mentorLoad().asOf())));
		parameters.put("FUNNEL_TITLE", text("chart.funnel", locale));
		parameters.put("MONTHS_TITLE", text("chart.months", locale));
		parameters.put("COUNT_LABEL", text("chart.count", locale));
		parameters.put("PAGE_LABEL", text("page", locale));
		List<Map<String, ?>> funnel = new ArrayList<>();
		for (FunnelStep step : figures.funnel()) {
			funnel.add(Map.of("series", text("chart.count", locale), "label", text("funnel." + step.step(), locale),
					"count", (int) step.count()));
		}
		parameters.put("FUNNEL_DATA", new JRMapCollectionDataSource(funnel));
		List<Map<String, ?>> series = new ArrayList<>();
		DateTimeFormatter monthLabels = DateTimeFormatter.ofPattern("MMM yy", locale);
		for (ProgramMonth month : months) {
			String label = monthLabels.format(YearMonth.parse(month.month()));
			series.add(Map.of("month", label, "series", text("series.requested", locale), "value",
					(int) month.requested()));
			series.add(
					Map.of("month", label, "series", text("series.accepted", locale), "value", (int) month.accepted()));
			series.add(Map.of("month", label, "series", text("series.meetingsHeld", locale), "value",
					(int) month.meetingsHeld()));
		}
		parameters.put("MONTH_DATA", new JRMapCollectionDataSource(series));
		try {
			return JasperExportManager.exportReportToPdf(JasperFillManager.fillReport(this.report.get(), parameters,
					new JRMapCollectionDataSource(rows(figures, locale))));
		}
		catch (JRException ex) {
			throw new IllegalStateException("Cannot render the program report", ex);
		}
	}

	/**
	 * The tables: one row per figure, grouped by section, three right-aligned columns.
	 */
	private List<Map<String, ?>> rows(ProgramFigures figures, Locale locale) {
		NumberFormat counts = NumberFormat.getIntegerInstance(locale);
		NumberFormat percents = NumberFormat.getPercentInstance(locale);
		percents.setMaximumFractionDigits(1);
		NumberFormat decimals = NumberFormat.getNumberInstance(locale);
		decimals.setMinimumFractionDigits(1);
		decimals.setMaximumFractionDigits(1);
		List<Map<String, ?>> rows = new ArrayList<>();
		String section = text("section.funnel", locale);
		for (FunnelStep step : figures.funnel()) {
			rows.add(row(section, text("head.count", locale), text("head.share", locale), "",
					text("funnel." + step.step(), locale), counts.format(step.count()), format(percents, step.rate()),
					""));
		}
		section = text("section.durations", locale);
		for (DurationFigure duration : figures.durations()) {
			rows.add(row(section, text("head.count", locale), text("head.p50", locale), text("head.p90", locale),
					text("duration." + duration.measure(), locale), counts.format(duration.count()),
					days(decimals, duration.p50Seconds(), locale), days(decimals, duration.p90Seconds(), locale)));
		}
		section = text("section.meetings", locale);
		var meetings = figures.meetings();
		rows.add(row(section, text("head.mentorships", locale), text("head.planned", locale), text("head.held", locale),
				text("meetings.label", locale), counts.format(meetings.mentorships()),
				counts.format(meetings.planned()),
				counts.format(meetings.held()) + " (" + format(percents, meetings.heldShare()) + ")"));
		section = text("section.feedback", locale);
		for (FeedbackFigure feedback : figures.feedback()) {
			rows.add(
					row(section, text("head.requested", locale), text("head.answered", locale),
							text("head.rating", locale), text("occasion." + feedback.occasion(), locale),
							counts.format(feedback.requested()), counts.format(feedback.answered()) + " ("
									+ format(percents, feedback.answeredShare()) + ")",
							format(decimals, feedback.averageRating())));
		}
		section = text("section.load", locale);
		var load = figures.mentorLoad();
		String loadHead = text("head.value", locale);
		rows.add(row(section, loadHead, "", "", text("load.mentors", locale), counts.format(load.mentors()), "", ""));
		rows.add(row(section, loadHead, "", "", text("load.available", locale), counts.format(load.available()), "",
				""));
		rows.add(row(section, loadHead, "", "", text("load.places", locale),
				counts.format(load.placesTaken()) + " / " + counts.format(load.capacity()), "", ""));
		rows.add(row(section, loadHead, "", "", text("load.used", locale), format(percents, load.capacityUsed()), "",
				""));
		rows.add(row(section, loadHead, "", "", text("load.atCapacity", locale), counts.format(load.atCapacity()), "",
				""));
		rows.add(row(section, loadHead, "", "", text("load.withoutRequests", locale),
				counts.format(load.withoutRequests()), "", ""));
		section = text("section.topics", locale);
		for (TopicCount topic : figures.topTopics()) {
			rows.add(row(section, text("head.requests", locale), "", "", topic.topic(), counts.format(topic.requests()),
					"", ""));
		}
		return rows;
	}

	private static Map<String, ?> row(String section, String h1, String h2, String h3, String label, String c1,
			String c2, String c3) {
		Map<String, Object> row = new LinkedHashMap<>();
		row.put("section", section);
		row.put("h1", h1);
		row.put("h2", h2);
		row.put("h3", h3);
		row.put("label", label);
		row.put("c1", c1);
		row.put("c2", c2);
		row.put("c3", c3);
		return row;
	}

	private String days(NumberFormat decimals, Long seconds, Locale locale) {
		return (seconds == null) ? "–" : text("days", locale, decimals.format(seconds / 86400.0));
	}

	private static String format(NumberFormat format, Double value) {
		return (value == null) ? "–" : format.format(value);
	}

	String text(String key, Locale locale, Object... arguments) {
		return this.texts.getMessage(key, arguments, locale);
	}

}
