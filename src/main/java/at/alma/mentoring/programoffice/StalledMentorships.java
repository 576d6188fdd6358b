package at.alma.mentoring.programoffice;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import at.alma.mentoring.workflow.TaskKind;
import at.alma.mentoring.workflow.WorkflowTask;
import at.alma.mentoring.workflow.WorkflowTasks;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Mentorships waiting on someone: an open member task older than a given duration, with
 * who must act and how often they were reminded. A page costs four queries whatever its
 * size: the tasks (two), the parties and names, the reminders.
 */
@Component
class StalledMentorships {

	/**
	 * The reminder mail of the step, by task kind; steps without a reminder are absent.
	 */
	private static final Map<TaskKind, String> REMINDERS = Map.of(TaskKind.REVIEW_REQUEST, "request-reminder",
			TaskKind.APPROVE_AGREEMENT, "agreement-reminder", TaskKind.CONFIRM_CLOSURE, "closure-reminder",
			TaskKind.CONFIRM_BY_MENTEE, "meeting-confirm-reminder", TaskKind.CONFIRM_BY_MENTOR,
			"meeting-confirm-reminder", TaskKind.REVIEW_AGREEMENT, "agreement-review-reminder");

	private final WorkflowTasks tasks;

	private final NamedParameterJdbcTemplate jdbc;

	private final Clock clock;

	private final ProgramOfficeSettings settings;

	StalledMentorships(WorkflowTasks tasks, NamedParameterJdbcTemplate jdbc, Clock clock,
			ProgramOfficeSettings settings) {
		this.tasks = tasks;
		this.jdbc = jdbc;
		this.clock = clock;
		this.settings = settings;
	}

	@Transactional(readOnly = true)
	List<StalledMentorship> olderThan(Duration olderThan, int offset, int limit) {
		List<WorkflowTask> open = this.tasks.openTasksCreatedBefore(this.clock.instant().minus(olderThan), offset,
				limit);
		if (open.isEmpty()) {
			return List.of();
		}
		Set<String> mentorshipIds = new HashSet<>();
		Set<String> processInstanceIds = new HashSet<>();
		for (WorkflowTask task : open) {
			mentorshipIds.add(task.businessKey());
			processInstanceIds.add(task.processInstanceId());
		}
		Map<String, String[]> parties = new HashMap<>();
		this.jdbc.query("""
				select m.id, m.mentee_id, m.mentor_id, e.first_name ef, e.last_name el, r.first_name rf,
				  r.last_name rl
				from mentorships m join members e on e.id = m.mentee_id join members r on r.id = m.mentor_id
				where m.id in (:ids)""", new MapSqlParameterSource("ids", mentorshipIds),
				(RowCallbackHandler) (rs) -> parties.put(rs.getString("id"),
						new String[] { rs.getString("mentee_id"), rs.getString("mentor_id"),
								rs.getString("ef") + " " + rs.getString("el"),
								rs.getString("rf") + " " + rs.getString("rl") }));
		Map<String, String> meetingsByInstance = new HashMap<>();
		this.jdbc.query("select id, process_instance_id from meetings where process_instance_id in (:ids)",
				new MapSqlParameterSource("ids", processInstanceIds), (RowCallbackHandler) (rs) -> meetingsByInstance
					.put(rs.getString("process_instance_id"), rs.getString("id")));
		long[] reminders = reminders(open, meetingsByInstance);
		List<StalledMentorship> stalled = new ArrayList<>();
		for (int i = 0; i < open.size(); i++) {
			WorkflowTask task = open.get(i);
			String[] party = parties.get(task.businessKey());
			if (party == null) {
				continue;
			}
			boolean mentee = party[0].equals(task.assignee().toString());
			stalled.add(new StalledMentorship(UUID.fromString(task.businessKey()), task.kind(), task.name(),
					new WaitingOn(task.assignee(), mentee ? party[2] : party[3], mentee ? "MENTEE" : "MENTOR"),
					task.since(), task.due(), reminders[i],
					this.settings.cockpitUrl() + "/#/process-instance/" + task.processInstanceId() + "/runtime"));
		}
		return stalled;
	}

	/**
	 * Reminder mails sent to the assignee for this step since it opened (the sent-mail
	 * ledger: a mail counts once it went out), one query for the page.
	 */
	private long[] reminders(List<WorkflowTask> open, Map<String, String> meetingsByInstance) {
		long[] counts = new long[open.size()];
		StringBuilder sql = new StringBuilder();
		MapSqlParameterSource parameters = new MapSqlParameterSource();
		for (int i = 0; i < open.size(); i++) {
			WorkflowTask task = open.get(i);
			String template = REMINDERS.get(task.kind());
			if (template == null) {
				continue;
			}
			String subject = template.startsWith("meeting") ? meetingsByInstance.get(task.processInstanceId()) + "/"
					: task.businessKey();
			if (subject == null) {
				continue;
			}
			if (!sql.isEmpty()) {
				sql.append(" union all ");
			}
			sql.append("select ")
				.append(i)
				.append(" idx, count(*) n from sent_mails where mail_key like :k")
				.append(i)
				.append(" and sent_at >= :s")
				.append(i);
			parameters.addValue("k" + i, template + "/" + subject + "%/" + task.assignee());
			parameters.addValue("s" + i, LocalDateTime.ofInstant(task.since(), ZoneOffset.UTC));
		}
		if (!sql.isEmpty()) {
			this.jdbc.query(sql.toString(), parameters, (rs) -> {
				counts[rs.getInt("idx")] = rs.getLong("n");
			});
		}
		return counts;
	}

	/**
	 * @param step the open step's kind ({@code REVIEW_REQUEST}, …, as in {@code myTasks})
	 * @param cockpitUrl the process instance holding the step, in Cockpit
	 */
	record StalledMentorship(UUID mentorshipId, TaskKind step, String stepName, WaitingOn waitingOn, Instant since,
			Instant due, long remindersSent, String cockpitUrl) {
	}

	record WaitingOn(UUID memberId, String name, String side) {
	}

}
