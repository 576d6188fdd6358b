package at.alma.mentoring.programoffice;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import at.alma.mentoring.programoffice.ProgramFigures.DurationFigure;
import at.alma.mentoring.programoffice.ProgramFigures.FeedbackFigure;
import at.alma.mentoring.programoffice.ProgramFigures.FunnelStep;
import at.alma.mentoring.programoffice.ProgramFigures.MeetingFigures;
import at.alma.mentoring.programoffice.ProgramFigures.MentorLoad;
import at.alma.mentoring.programoffice.ProgramFigures.ProgramMonth;
import at.alma.mentoring.programoffice.ProgramFigures.TopicCount;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The figures, computed by the database: counts and sums, and percentiles by nearest rank
 * over {@code ROW_NUMBER()} and {@code COUNT(*)} windows, which MySQL 8, MariaDB 10.11
 * and H2 all have ({@code PERCENTILE_CONT} and {@code MEDIAN} are not in MySQL 8). Six
 * queries for the figures, two for the series, whatever the period holds.
 */
@Component
class ProgramStatistics {

	/** The period's requests: the cohort every funnel step and duration belongs to. */
	private static final String COHORT = "m.requested_at >= :start and m.requested_at < :end";

	/**
	 * Whether a mentorship held a meeting is its own count ({@code meetings_held}, kept
	 * by the mentorship module as meetings become HELD): the meetings table is not read.
	 */
	private static final String FUNNEL = """
			select count(*) requested,
			  coalesce(sum(case when m.status in ('ACCEPTED', 'ACTIVE', 'COMPLETED', 'TERMINATED') then 1 else 0 end), 0) accepted,
			  coalesce(sum(case when m.status = 'DECLINED' then 1 else 0 end), 0) declined,
			  coalesce(sum(case when m.status = 'WITHDRAWN' then 1 else 0 end), 0) withdrawn,
			  coalesce(sum(case when m.status = 'EXPIRED' then 1 else 0 end), 0) expired,
			  coalesce(sum(case when m.status = 'REQUESTED' then 1 else 0 end), 0) open_requests,
			  coalesce(sum(case when m.activated_at is not null then 1 else 0 end), 0) agreement_approved,
			  coalesce(sum(case when m.meetings_held > 0 then 1 else 0 end), 0) first_meeting_held,
			  coalesce(sum(case when m.status = 'COMPLETED' then 1 else 0 end), 0) completed,
			  coalesce(sum(case when m.status = 'TERMINATED' then 1 else 0 end), 0) terminated_early
			from mentorships m
			where %s"""
		.formatted(COHORT);

	/**
	 * Each measure's values ranked; the p-th percentile is the value at rank ceil(p/100 ×
	 * n), nearest rank.
	 */
	private static final String DURATIONS = """
			select measure, max(n) n,
			  max(case when rn = ceiling(n * 0.5) then seconds end) p50,
			  max(case when rn = ceiling(n * 0.9) then seconds end) p90
			from (
			  select measure, seconds,
			    row_number() over (partition by measure order by seconds) rn,
			    count(*) over (partition by measure) n
			  from (
			    select 'REQUEST_TO_DECISION' measure, timestampdiff(SECOND, m.requested_at, m.decided_at) seconds
			    from mentorships m where %1$s and m.decided_at is not null
			    union all
			    select 'ACCEPTANCE_TO_AGREEMENT', timestampdiff(SECOND, m.decided_at, m.activated_at)
			    from mentorships m where %1$s and m.activated_at is not null
			    union all
			    select 'AGREEMENT_TO_FIRST_MEETING', timestampdiff(SECOND, m.activated_at, m.first_meeting_held_at)
			    from mentorships m where %1$s and m.first_meeting_held_at is not null
			    union all
			    select 'MENTORSHIP_LENGTH', timestampdiff(SECOND, m.activated_at, m.ended_at)
			    from mentorships m where %1$s and m.status = 'COMPLETED' and m.activated_at is not null
			  ) v
			) r group by measure""".formatted(COHORT);

	/**
	 * Against the agreement in force: the newest approved version; held is the
	 * mentorship's own count.
	 */
	private static final String MEETINGS = """
			select count(*) mentorships, coalesce(sum(a.meeting_count), 0) planned,
			  coalesce(sum(m.meetings_held), 0) held
			from mentorships m
			join (select mentorship_id, meeting_count,
			        row_number() over (partition by mentorship_id order by version_number desc) newest
			      from agreement_versions where approved_at is not null) a
			  on a.mentorship_id = m.id and a.newest = 1
			where %s""".formatted(COHORT);

	private static final String FEEDBACK = """
			select occasion, count(*) requested, count(answered_at) answered, avg(rating * 1.0) average_rating
			from feedback_requests where requested_at >= :start and requested_at < :end
			group by occasion order by occasion""";

	private static final String MENTOR_LOAD = """
			select count(*) mentors,
			  coalesce(sum(case when mb.mentor_available then 1 else 0 end), 0) available,
			  coalesce(sum(mb.mentor_capacity), 0) capacity,
			  coalesce(sum(coalesce(t.taken, 0)), 0) taken,
			  coalesce(sum(case when coalesce(t.taken, 0) >= mb.mentor_capacity then 1 else 0 end), 0) at_capacity,
			  coalesce(sum(case when p.requests is null then 1 else 0 end), 0) without_requests
			from members mb
			join member_roles r on r.member_id = mb.id and r.role = 'MENTOR'
			left join (select mentor_id, count(*) taken from mentorships where status in ('ACCEPTED', 'ACTIVE')
			           group by mentor_id) t on t.mentor_id = mb.id
			left join (select m.mentor_id, count(*) requests from mentorships m where %s group by m.mentor_id) p
			  on p.mentor_id = mb.id""".formatted(COHORT);

	/** The requested mentors' topics, counted once per request. */
	private static final String TOPICS = """
			select t.topic, count(*) requests
			from mentorships m join member_topics t on t.member_id = m.mentor_id
			where %s group by t.topic order by count(*) desc, t.topic limit 10""".formatted(COHORT);

	private static final String MONTHS = """
			select y, mo, count(*) requested,
			  sum(case when status in ('ACCEPTED', 'ACTIVE', 'COMPLETED', 'TERMINATED') then 1 else 0 end) accepted,
			  sum(case when status = 'DECLINED' then 1 else 0 end) declined,
			  sum(case when status = 'WITHDRAWN' then 1 else 0 end) withdrawn,
			  sum(case when status = 'EXPIRED' then 1 else 0 end) expired,
			  sum(case when activated_at is not null then 1 else 0 end) agreement_approved,
			  sum(case when status = 'COMPLETED' then 1 else 0 end) completed,
			  sum(case when status = 'TERMINATED' then 1 else 0 end) terminated_early
			from (select extract(year from m.requested_at) y, extract(month from m.requested_at) mo, m.status,
			        m.activated_at from mentorships m where %s) s
			group by y, mo""".formatted(COHORT);

	private static final String MEETINGS_BY_MONTH = """
			select y, mo, count(*) held
			from (select extract(year from starts_at) y, extract(month from starts_at) mo from meetings
			      where status = 'HELD' and starts_at >= :start and starts_at < :end) s
			group by y, mo""";

	private final NamedParameterJdbcTemplate jdbc;

	private final Clock clock;

	ProgramStatistics(NamedParameterJdbcTemplate jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	ProgramFigures figures(ProgramPeriod period) {
		MapSqlParameterSource parameters = parameters(period);
		List<FunnelStep> funnel = this.jdbc.queryForObject(FUNNEL, parameters, ProgramStatistics::funnel);
		Map<String, DurationFigure> durations = new HashMap<>();
		this.jdbc.query(DURATIONS, parameters, (rs) -> {
			String measure = rs.getString("measure");
			durations.put(measure,
					new DurationFigure(measure, rs.getLong("n"), longOrNull(rs, "p50"), longOrNull(rs, "p90")));
		});
		List<DurationFigure> orderedDurations = List
			.of("REQUEST_TO_DECISION", "ACCEPTANCE_TO_AGREEMENT", "AGREEMENT_TO_FIRST_MEETING", "MENTORSHIP_LENGTH")
			.stream()
			.map((measure) -> durations.getOrDefault(measure, new DurationFigure(measure, 0, null, null)))
			.toList();
		MeetingFigures meetings = this.jdbc.queryForObject(MEETINGS, parameters,
				(rs, row) -> new MeetingFigures(rs.getLong("mentorships"), rs.getLong("planned"), rs.getLong("held"),
						share(rs.getLong("held"), rs.getLong("planned"))));
		List<FeedbackFigure> feedback = this.jdbc.query(FEEDBACK, parameters,
				(rs, row) -> new FeedbackFigure(rs.getString("occasion"), rs.getLong("requested"),
						rs.getLong("answered"), share(rs.getLong("answered"), rs.getLong("requested")),
						doubleOrNull(rs, "average_rating")));
		Instant asOf = this.clock.instant();
		MentorLoad load = this.jdbc.queryForObject(MENTOR_LOAD, parameters,
				(rs, row) -> new MentorLoad(asOf, rs.getLong("mentors"), rs.getLong("available"),
						rs.getLong("capacity"), rs.getLong("taken"), share(rs.getLong("taken"), rs.getLong("capacity")),
						rs.getLong("at_capacity"), rs.getLong("without_requests")));
		List<TopicCount> topics = this.jdbc.query(TOPICS, parameters,
				(rs, row) -> new TopicCount(rs.getString("topic"), rs.getLong("requests")));
		return new ProgramFigures(period.from(), period.to(), funnel, orderedDurations, meetings, feedback, load,
				topics);
	}

	/** Every month the period touches, in order, months without data included. */
	@Transactional(readOnly = true)
	List<ProgramMonth> series(ProgramPeriod period) {
		MapSqlParameterSource parameters = parameters(period);
		Map<YearMonth, long[]> requests = new HashMap<>();
		this.jdbc.query(MONTHS, parameters, (rs) -> {
			requests.put(YearMonth.of(rs.getInt("y"), rs.getInt("mo")),
					new long[] { rs.getLong("requested"), rs.getLong("accepted"), rs.getLong("declined"),
							rs.getLong("withdrawn"), rs.getLong("expired"), rs.getLong("agreement_approved"),
							rs.getLong("completed"), rs.getLong("terminated_early") });
		});
		Map<YearMonth, Long> held = new HashMap<>();
		this.jdbc.query(MEETINGS_BY_MONTH, parameters, (RowCallbackHandler) (rs) -> held
			.put(YearMonth.of(rs.getInt("y"), rs.getInt("mo")), rs.getLong("held")));
		List<ProgramMonth> months = new ArrayList<>();
		for (YearMonth month = YearMonth.from(period.from()); !month.isAfter(YearMonth.from(period.to())); month = month
			.plusMonths(1)) {
			long[] r = requests.getOrDefault(month, new long[8]);
			months.add(new ProgramMonth(month.toString(), r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7],
					held.getOrDefault(month, 0L)));
		}
		return months;
	}

	private static List<FunnelStep> funnel(ResultSet rs, int row) throws SQLException {
		long requested = rs.getLong("requested");
		List<FunnelStep> steps = new ArrayList<>();
		for (String step : List.of("REQUESTED", "ACCEPTED", "DECLINED", "WITHDRAWN", "EXPIRED", "OPEN_REQUESTS",
				"AGREEMENT_APPROVED", "FIRST_MEETING_HELD", "COMPLETED", "TERMINATED")) {
			// TERMINATED is a reserved word in MariaDB
			long count = rs.getLong(step.equals("TERMINATED") ? "terminated_early" : step.toLowerCase(Locale.ROOT));
			steps.add(new FunnelStep(step, count, share(count, requested)));
		}
		return steps;
	}

	private static MapSqlParameterSource parameters(ProgramPeriod period) {
		return new MapSqlParameterSource().addValue("start", utc(period.start())).addValue("end", utc(period.end()));
	}

	private static LocalDateTime utc(Instant instant) {
		return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	static Double share(long part, long whole) {
		return (whole == 0) ? null : (double) part / whole;
	}

	private static Long longOrNull(ResultSet rs, String column) throws SQLException {
		long value = rs.getLong(column);
		return rs.wasNull() ? null : value;
	}

	private static Double doubleOrNull(ResultSet rs, String column) throws SQLException {
		double value = rs.getDouble(column);
		return rs.wasNull() ? null : value;
	}

}
