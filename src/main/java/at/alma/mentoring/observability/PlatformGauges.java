package at.alma.mentoring.observability;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import at.alma.mentoring.mentorship.MentorshipStatus;
import at.alma.mentoring.workflow.TaskKinds;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.HealthComponent;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The platform's state as gauges, each family read by one query whose answer serves the
 * scrapes for {@code mentoring.metrics.gauge-cache}. Labels are statuses, task kinds
 * (BPMN task ids) and process keys: bounded by the code and the models, never a member or
 * mentorship id. A family whose query fails keeps its last values (and logs why).
 */
@Component
class PlatformGauges implements MeterBinder {

	private static final Logger logger = LoggerFactory.getLogger(PlatformGauges.class);

	private static final String MAIL_PROCESS = "mail-delivery";

	private final TaskKinds kinds;

	private final JdbcClient jdbc;

	private final RepositoryService repositoryService;

	private final ObjectProvider<HealthEndpoint> health;

	private final Clock clock;

	private final long cacheNanos;

	private MeterRegistry registry;

	private final Cached<Map<String, Long>> mentorships;

	private final Cached<Map<String, long[]>> tasks;

	private final Cached<Map<String, long[]>> jobs;

	private final Cached<Map<String, Long>> incidents;

	private final Cached<Long> digests;

	private final Set<String> taskKinds = ConcurrentHashMap.newKeySet();

	private final Set<String> jobProcesses = ConcurrentHashMap.newKeySet();

	private final Set<String> incidentProcesses = ConcurrentHashMap.newKeySet();

	PlatformGauges(JdbcClient jdbc, RepositoryService repositoryService, ObjectProvider<HealthEndpoint> health,
			Clock clock, MetricsSettings settings, TaskKinds kinds) {
		this.jdbc = jdbc;
		this.kinds = kinds;
		this.health = health;
		this.repositoryService = repositoryService;
		this.clock = clock;
		this.cacheNanos = settings.gaugeCache().toNanos();
		this.mentorships = new Cached<>("mentorships", this::readMentorships, Map.of(), (rows) -> {
		});
		this.tasks = new Cached<>("tasks", this::readTasks, Map.of(),
				(rows) -> rows.keySet().forEach(this::taskGauges));
		this.jobs = new Cached<>("jobs", this::readJobs, Map.of(), (rows) -> rows.keySet().forEach(this::jobGauges));
		this.incidents = new Cached<>("incidents", this::readIncidents, Map.of(),
				(rows) -> rows.keySet().forEach(this::incidentGauge));
		this.digests = new Cached<>("chat digests", this::readDigests, 0L, (count) -> {
		});
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		this.registry = registry;
		for (MentorshipStatus status : MentorshipStatus.values()) {
			Gauge.builder("mentoring.mentorships", this.mentorships, (m) -> m.get().getOrDefault(status.name(), 0L))
				.description("Mentorships by status")
				.tag("status", status.name())
				.register(registry);
		}
		Gauge
			.builder("mentoring.mails.waiting", this.jobs,
					(j) -> row(j.get(), MAIL_PROCESS, 0) + row(j.get(), MAIL_PROCESS, 2))
			.description("Mails posted and not yet sent (waiting for the job executor or for a retry)")
			.register(registry);
		Gauge.builder("mentoring.mails.failed", this.incidents, (i) -> i.get().getOrDefault(MAIL_PROCESS, 0L))
			.description("Mails that failed every retry: open incidents of mail-delivery (retry them in Cockpit)")
			.register(registry);
		Gauge.builder("mentoring.health.readiness", this.health, (h) -> readiness(h))
			.description("1 while /actuator/health/readiness is UP (database and job executor), else 0")
			.register(registry);
		Gauge.builder("mentoring.chat.digests.pending", this.digests, Cached::get)
			.description("Readers with unread chat messages not yet in a digest, per conversation")
			.register(registry);
	}

	/**
	 * A gauge for every deployed process and user task from the start, so that a scrape
	 * shows a zero before the first job, incident or task of its kind; a label value
	 * first seen by a query (a process deployed later) gets its gauge then.
	 */
	@EventListener(ApplicationReadyEvent.class)
	void registerKnownLabels() {
		for (ProcessDefinition definition : this.repositoryService.createProcessDefinitionQuery()
			.latestVersion()
			.list()) {
			jobGauges(definition.getKey());
			incidentGauge(definition.getKey());
			this.repositoryService.getBpmnModelInstance(definition.getId())
				.getModelElementsByType(UserTask.class)
				.forEach((task) -> taskGauges(this.kinds.labelOf(task.getId())));
		}
	}

	private void taskGauges(String kind) {
		if (this.registry != null && this.taskKinds.add(kind)) {
			Gauge.builder("mentoring.tasks.open", this.tasks, (t) -> row(t.get(), kind, 0))
				.description("Open user tasks by kind")
				.tag("kind", kind)
				.register(this.registry);
			Gauge.builder("mentoring.tasks.oldest.age", this.tasks, (t) -> row(t.get(), kind, 1))
				.description("Age of the oldest open user task of the kind")
				.tag("kind", kind)
				.baseUnit("seconds")
				.register(this.registry);
		}
	}

	private void jobGauges(String process) {
		if (this.registry != null && this.jobProcesses.add(process)) {
			String[] states = { "due", "locked", "retrying" };
			for (int i = 0; i < states.length; i++) {
				int column = i;
				Gauge.builder("mentoring.jobs", this.jobs, (j) -> row(j.get(), process, column))
					.description("Camunda jobs by process and state: due (to be acquired), locked (acquired by a job "
							+ "executor), retrying (failed, retries left)")
					.tag("process", process)
					.tag("state", states[i])
					.register(this.registry);
			}
		}
	}

	private void incidentGauge(String process) {
		if (this.registry != null && this.incidentProcesses.add(process)) {
			Gauge.builder("mentoring.incidents.open", this.incidents, (i) -> i.get().getOrDefault(process, 0L))
				.description("Open Camunda incidents (jobs out of retries) by process")
				.tag("process", process)
				.register(this.registry);
		}
	}

	private static double readiness(ObjectProvider<HealthEndpoint> health) {
		HealthEndpoint endpoint = health.getIfAvailable();
		HealthComponent readiness = (endpoint != null) ? endpoint.healthForPath("readiness") : null;
		return (readiness != null && Status.UP.equals(readiness.getStatus())) ? 1 : 0;
	}

	private static double row(Map<String, long[]> rows, String key, int column) {
		long[] row = rows.get(key);
		return (row != null) ? row[column] : 0;
	}

	private Map<String, Long> readMentorships() {
		Map<String, Long> counts = new HashMap<>();
		this.jdbc.sql("select status, count(*) from mentorships group by status").query((rs) -> {
			counts.put(rs.getString(1), rs.getLong(2));
		});
		return counts;
	}

	private Map<String, long[]> readTasks() {
		long now = this.clock.millis();
		Map<String, long[]> rows = new HashMap<>();
		this.jdbc.sql("select TASK_DEF_KEY_, count(*), min(CREATE_TIME_) from ACT_RU_TASK group by TASK_DEF_KEY_")
			.query((rs) -> {
				Timestamp oldest = rs.getTimestamp(3);
				long age = (oldest != null) ? Math.max(0, (now - oldest.getTime()) / 1000) : 0;
				rows.put(this.kinds.labelOf(rs.getString(1)), new long[] { rs.getLong(2), age });
			});
		return rows;
	}

	private Map<String, long[]> readJobs() {
		Timestamp now = new Timestamp(this.clock.millis());
		Map<String, long[]> rows = new HashMap<>();
		this.jdbc.sql("""
				select PROCESS_DEF_KEY_,
				    sum(case when RETRIES_ > 0 and EXCEPTION_MSG_ is null and (DUEDATE_ is null or DUEDATE_ <= :now)
				        and (LOCK_EXP_TIME_ is null or LOCK_EXP_TIME_ < :now) then 1 else 0 end),
				    sum(case when LOCK_EXP_TIME_ >= :now then 1 else 0 end),
				    sum(case when RETRIES_ > 0 and EXCEPTION_MSG_ is not null then 1 else 0 end)
				from ACT_RU_JOB group by PROCESS_DEF_KEY_""").param("now", now).query((rs) -> {
			String process = rs.getString(1);
			rows.put((process != null) ? process : "none", new long[] { rs.getLong(2), rs.getLong(3), rs.getLong(4) });
		});
		return rows;
	}

	private Map<String, Long> readIncidents() {
		Map<String, Long> counts = new HashMap<>();
		this.jdbc.sql("select PROC_DEF_ID_, count(*) from ACT_RU_INCIDENT group by PROC_DEF_ID_").query((rs) -> {
			// a definition id is key:version:uuid; the versions of one process add up
			String id = rs.getString(1);
			String process = (id == null) ? "none" : id.substring(0, Math.max(0, id.indexOf(':')));
			counts.merge(process.isEmpty() ? id : process, rs.getLong(2), Long::sum);
		});
		return counts;
	}

	private Long readDigests() {
		return this.jdbc.sql("""
				select count(*) from conversation_read_states s
				where exists (select 1 from chat_messages m where m.mentorship_id = s.mentorship_id
				    and m.sender_id <> s.member_id and m.id > s.last_read_message_id and m.id > s.digested_up_to)""")
			.query(Long.class)
			.single();
	}

	/** One query's answer, read again when older than the cache time. */
	private final class Cached<T> {

		private final String name;

		private final Supplier<T> query;

		private final Consumer<T> seen;

		private T value;

		private long readAt;

		private boolean read;

		Cached(String name, Supplier<T> query, T initial, Consumer<T> seen) {
			this.name = name;
			this.query = query;
			this.value = initial;
			this.seen = seen;
		}

		synchronized T get() {
			long now = System.nanoTime();
			if (!this.read || now - this.readAt >= PlatformGauges.this.cacheNanos) {
				this.read = true;
				this.readAt = now;
				try {
					this.value = this.query.get();
					this.seen.accept(this.value);
				}
				catch (RuntimeException ex) {
					logger.warn("Gauges of {} keep their last values: the query failed ({})", this.name, ex.toString());
				}
			}
			return this.value;
		}

	}

}
