package at.alma.mentoring.workflow;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import at.alma.mentoring.ApiTest;
import at.alma.mentoring.workflow.MigrationReport.InstanceResult;
import at.alma.mentoring.workflow.MigrationReport.Outcome;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The migration of running instances to a new process version, on the real engine: the
 * models released before version tags (kept in {@code process-releases/}) are deployed as
 * an older release was, instances wait in each of their wait states, and the release's
 * models are deployed again on top, as an upgrade does.
 */
class ProcessMigrationTests extends ApiTest {

	private static final String LIFECYCLE = "mentorship-lifecycle";

	private static final String APPROVAL = "agreement-approval";

	private static final String MEETING = "meeting-confirmation";

	@Autowired
	RepositoryService repositoryService;

	@Autowired
	ProcessMigration migration;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Autowired
	Clock appClock;

	private final List<String> deployments = new ArrayList<>();

	private final String businessKey = UUID.randomUUID().toString();

	@AfterEach
	void removeTheReleasesOfThisTest() {
		this.runtimeService.createProcessInstanceQuery()
			.processInstanceBusinessKey(this.businessKey)
			.list()
			.forEach((instance) -> this.runtimeService.deleteProcessInstanceIfExists(instance.getId(), "test over",
					true, true, true, false));
		this.deployments.forEach((id) -> this.repositoryService.deleteDeployment(id, true, true, true));
	}

	@Test
	void instancesInEveryWaitStateOfTheUntaggedModelsMigrateToTheNewestVersion() throws IOException {
		String old = deploy("release-untagged", Map.of(LIFECYCLE, released(LIFECYCLE, "untagged"), APPROVAL,
				released(APPROVAL, "untagged"), MEETING, released(MEETING, "untagged")));
		Map<String, String> waiting = new LinkedHashMap<>();
		for (String activity : List.of("Task_ReviewRequest", "Task_WriteAgreement", "Call_AgreementApproval",
				"Timer_InactivityDue", "Call_AmendmentApproval", "Task_ConfirmClosure", "Call_MeetingConfirmation")) {
			waiting.put(LIFECYCLE + "/" + activity, start(old, LIFECYCLE, activity));
		}
		for (String activity : List.of("Task_ApproveAgreement", "Task_ReviseAgreement")) {
			waiting.put(APPROVAL + "/" + activity, start(old, APPROVAL, activity));
		}
		for (String activity : List.of("Task_ScheduleMeeting", "Gateway_AwaitMeeting", "Task_ConfirmByMentee",
				"Task_ConfirmByMentor")) {
			waiting.put(MEETING + "/" + activity, start(old, MEETING, activity));
		}
		Map<String, List<String>> activitiesBefore = new HashMap<>();
		Map<String, List<Date>> timersBefore = new HashMap<>();
		for (String id : waiting.values()) {
			activitiesBefore.put(id, activities(id));
			timersBefore.put(id, timers(id));
		}
		String release = deploy("release-newest",
				Map.of(LIFECYCLE, Files.readString(Path.of("bpmn", LIFECYCLE + ".bpmn")), APPROVAL,
						Files.readString(Path.of("bpmn", APPROVAL + ".bpmn")), MEETING,
						Files.readString(Path.of("bpmn", MEETING + ".bpmn"))));

		MigrationReport dryRun = this.migration.migrate(false, (source) -> source.getDeploymentId().equals(old));

		assertThat(dryRun.refusedAny()).as(dryRun.toString()).isFalse();
		assertThat(dryRun.instances()).extracting(InstanceResult::id)
			.containsExactlyInAnyOrderElementsOf(calledToo(waiting.values()));
		assertThat(dryRun.instances()).extracting(InstanceResult::outcome).containsOnly(Outcome.WOULD_MIGRATE);
		assertThat(waiting.values()).allSatisfy((id) -> assertThat(definition(id).getDeploymentId()).isEqualTo(old));

		MigrationReport run = this.migration.migrate(true, (source) -> source.getDeploymentId().equals(old));

		assertThat(run.refusedAny()).as(run.toString()).isFalse();
		assertThat(run.instances()).extracting(InstanceResult::outcome).containsOnly(Outcome.MIGRATED);
		for (InstanceResult result : run.instances()) {
			ProcessDefinition now = definition(result.id());
			assertThat(now.getDeploymentId()).as(result.toString()).isEqualTo(release);
			assertThat(now.getVersionTag()).isEqualTo(newestTag(now.getKey()));
			assertThat(result.to().id()).isEqualTo(now.getId());
		}
		waiting.forEach((state, id) -> assertKeptItsPlace(state, id, activitiesBefore.get(id), timersBefore.get(id)));
		assertThat(this.managementService.createBatchQuery().list()).as("batches left").isEmpty();
	}

	/**
	 * Tag 2 of the lifecycle and the meeting confirmation dropped the feedback steps (the
	 * feedback module listens to the facts now); every other id stayed, so the plans map
	 * equal activities. The agreement approval stays at tag 1, deployed by the
	 * application.
	 */
	@Test
	void instancesInEveryWaitStateOfVersion1MigrateToTheNewestVersion() throws IOException {
		String old = deploy("release-1", Map.of(LIFECYCLE, released(LIFECYCLE, "1"), MEETING, released(MEETING, "1")));
		Map<String, String> waiting = new LinkedHashMap<>();
		for (String activity : List.of("Task_ReviewRequest", "Task_WriteAgreement", "Timer_InactivityDue",
				"Task_ConfirmClosure", "Call_MeetingConfirmation")) {
			waiting.put(LIFECYCLE + "/" + activity, start(old, LIFECYCLE, activity));
		}
		for (String activity : List.of("Task_ScheduleMeeting", "Gateway_AwaitMeeting", "Task_ConfirmByMentee",
				"Task_ConfirmByMentor")) {
			waiting.put(MEETING + "/" + activity, start(old, MEETING, activity));
		}
		Map<String, List<String>> activitiesBefore = new HashMap<>();
		Map<String, List<Date>> timersBefore = new HashMap<>();
		for (String id : waiting.values()) {
			activitiesBefore.put(id, activities(id));
			timersBefore.put(id, timers(id));
		}
		String release = deploy("release-newest",
				Map.of(LIFECYCLE, Files.readString(Path.of("bpmn", LIFECYCLE + ".bpmn")), MEETING,
						Files.readString(Path.of("bpmn", MEETING + ".bpmn"))));

		MigrationReport run = this.migration.migrate(true, (source) -> source.getDeploymentId().equals(old));

		assertThat(run.refusedAny()).as(run.toString()).isFalse();
		assertThat(run.instances()).extracting(InstanceResult::id)
			.containsExactlyInAnyOrderElementsOf(calledToo(waiting.values()));
		assertThat(run.instances()).extracting(InstanceResult::outcome).containsOnly(Outcome.MIGRATED);
		for (InstanceResult result : run.instances()) {
			ProcessDefinition now = definition(result.id());
			assertThat(now.getDeploymentId()).as(result.toString()).isEqualTo(release);
			assertThat(now.getVersionTag()).isEqualTo(newestTag(now.getKey())).isNotEqualTo("1");
		}
		waiting.forEach((state, id) -> assertKeptItsPlace(state, id, activitiesBefore.get(id), timersBefore.get(id)));
		assertThat(this.managementService.createBatchQuery().list()).as("batches left").isEmpty();
	}

	/**
	 * Tag 3 of the lifecycle added the agreement drift check beside the inactivity loop:
	 * every wait state of tag 2 keeps its id, and an instance in the active stage of a
	 * mentorship with an agreement in force starts the drift check after the migration,
	 * with its timers at the agreement's dates.
	 */
	@Test
	void instancesInEveryWaitStateOfVersion2MigrateAndTheActiveStageStartsTheDriftCheck() throws IOException {
		// the lifecycle of tag 2 calls the meeting confirmation of tag 2
		String old = deploy("release-2", Map.of(LIFECYCLE, released(LIFECYCLE, "2"), MEETING, released(MEETING, "2")));
		Map<String, String> waiting = new LinkedHashMap<>();
		for (String activity : List.of("Task_ReviewRequest", "Task_WriteAgreement", "Timer_InactivityDue",
				"Task_ConfirmClosure", "Call_MeetingConfirmation")) {
			waiting.put(LIFECYCLE + "/" + activity, start(old, LIFECYCLE, activity));
		}
		this.clock.setTo(Instant.parse("2027-01-10T09:00:00Z"));
		UUID mentorship = active(signUp("Vera", "Alt", "MENTEE"), signUp("Wim", "Alt", "MENTOR"));
		Map<String, Object> variables = new HashMap<>();
		variables.put("mentorshipId", mentorship.toString());
		variables.put("menteeId", UUID.randomUUID().toString());
		variables.put("mentorId", UUID.randomUUID().toString());
		variables.put("inactivityDueAt", Date.from(Instant.parse("2027-02-09T09:00:00Z")));
		String active = this.runtimeService
			.createProcessInstanceById(this.repositoryService.createProcessDefinitionQuery()
				.deploymentId(old)
				.processDefinitionKey(LIFECYCLE)
				.singleResult()
				.getId())
			.businessKey(this.businessKey)
			.setVariables(variables)
			.startBeforeActivity("Timer_InactivityDue")
			.execute()
			.getId();
		Map<String, List<String>> activitiesBefore = new HashMap<>();
		for (String id : waiting.values()) {
			activitiesBefore.put(id, activities(id));
		}
		java.util.Set<String> executionsBefore = executionActivities(active);
		String release = deploy("release-newest",
				Map.of(LIFECYCLE, Files.readString(Path.of("bpmn", LIFECYCLE + ".bpmn")), MEETING,
						Files.readString(Path.of("bpmn", MEETING + ".bpmn"))));

		MigrationReport dryRun = this.migration.migrate(false, (source) -> source.getDeploymentId().equals(old));
		MigrationReport run = this.migration.migrate(true, (source) -> source.getDeploymentId().equals(old));

		assertThat(dryRun.refusedAny()).as(dryRun.toString()).isFalse();
		assertThat(run.refusedAny()).as(run.toString()).isFalse();
		assertThat(run.instances()).extracting(InstanceResult::outcome).containsOnly(Outcome.MIGRATED);
		assertThat(run.instances()).extracting(InstanceResult::reason).containsOnlyNulls();
		for (InstanceResult result : run.instances()) {
			assertThat(definition(result.id()).getDeploymentId()).as(result.toString()).isEqualTo(release);
		}
		waiting.forEach((state, id) -> assertThat(activities(id)).as("wait states of %s", state)
			.isEqualTo(activitiesBefore.get(id)));
		assertThat(activities(active)).contains("Timer_InactivityDue", "Task_WatchAgreement");
		// what .ci/upgrade compares: the executions' activities, one more beside the
		// timer
		java.util.Set<String> executionsAfter = new java.util.TreeSet<>(executionsBefore);
		executionsAfter.add("Task_WatchAgreement");
		assertThat(executionActivities(active)).isEqualTo(executionsAfter);
		assertThat(timers(active)).containsExactly(Date.from(Instant.parse("2027-02-09T09:00:00Z")),
				Date.from(Instant.parse("2027-12-11T00:00:00Z")), Date.from(Instant.parse("2028-01-01T00:00:00Z")));
		assertThat(this.runtimeService.getVariable(active, "driftReviewLapsesAfter")).isEqualTo("PT336H");
	}

	/**
	 * Tag 3 of the meeting confirmation put the confirmation tasks into
	 * {@code SubProcess_Confirmation} with new boundary events; the plan moves them in,
	 * and a migrated instance then takes a report that the meeting did not take place.
	 */
	@Test
	void meetingConfirmationsOfVersion2MoveIntoTheConfirmationSubprocess() throws IOException {
		String old = deploy("release-2-meetings", Map.of(MEETING, released(MEETING, "2")));
		Map<String, String> waiting = new LinkedHashMap<>();
		for (String activity : List.of("Task_ScheduleMeeting", "Gateway_AwaitMeeting", "Task_ConfirmByMentee",
				"Task_ConfirmByMentor")) {
			waiting.put(MEETING + "/" + activity, start(old, MEETING, activity));
		}
		Map<String, List<String>> activitiesBefore = new HashMap<>();
		Map<String, List<Date>> timersBefore = new HashMap<>();
		for (String id : waiting.values()) {
			activitiesBefore.put(id, activities(id));
			timersBefore.put(id, timers(id));
		}
		String release = deploy("release-newest-meetings",
				Map.of(MEETING, Files.readString(Path.of("bpmn", MEETING + ".bpmn"))));

		MigrationReport run = this.migration.migrate(true, (source) -> source.getDeploymentId().equals(old));

		assertThat(run.refusedAny()).as(run.toString()).isFalse();
		assertThat(run.instances()).extracting(InstanceResult::outcome).containsOnly(Outcome.MIGRATED);
		for (InstanceResult result : run.instances()) {
			assertThat(definition(result.id()).getDeploymentId()).as(result.toString()).isEqualTo(release);
		}
		waiting.forEach((state, id) -> assertKeptItsPlace(state, id, activitiesBefore.get(id), timersBefore.get(id)));

		String confirming = waiting.get(MEETING + "/Task_ConfirmByMentor");
		this.runtimeService.createMessageCorrelation("MeetingReportedNotHeld")
			.processInstanceId(confirming)
			.setVariable("notHeldOutcome", "DISPUTED")
			.setVariable("notHeldTellSide", "MENTEE")
			.correlateWithResult();
		assertThat(activities(confirming)).containsExactly("Task_ResolveDispute");
	}

	@Test
	void aPlanThatLeavesAWaitStateUnmappedRefusesItsInstancesAndLeavesThemUntouched() throws IOException {
		String key = "migration-test-lifecycle";
		String old = deploy("broken-plan-old",
				Map.of(key, released(LIFECYCLE, "untagged").replace("id=\"" + LIFECYCLE + "\"", "id=\"" + key + "\"")));
		String reviewing = start(old, key, "Task_ReviewRequest");
		String closing = start(old, key, "Task_ConfirmClosure");
		String closingTask = this.taskService.createTaskQuery().processInstanceId(closing).singleResult().getId();
		// the new version renames the closure's confirmation, and no plan maps the old id
		// to it
		deploy("broken-plan-new",
				Map.of(key,
						Files.readString(Path.of("bpmn", LIFECYCLE + ".bpmn"))
							.replace("id=\"" + LIFECYCLE + "\"", "id=\"" + key + "\"")
							.replace("camunda:versionTag=\"" + newestTag(LIFECYCLE) + "\"",
									"camunda:versionTag=\"broken-plan\"")
							.replace("Task_ConfirmClosure", "Task_ConfirmClosureRenamed")));
		ProcessUpgrade upgrade = new ProcessUpgrade() {

			@Override
			public String processKey() {
				return key;
			}

			@Override
			public Decision decision() {
				return Decision.MIGRATE;
			}

		};
		var migration = new ProcessMigration(List.of(upgrade), this.repositoryService, this.runtimeService,
				this.managementService, this.transactionManager, this.appClock);

		MigrationReport dryRun = migration.migrate(false, (source) -> source.getKey().equals(key));
		MigrationReport run = migration.migrate(true, (source) -> source.getKey().equals(key));

		for (MigrationReport report : List.of(dryRun, run)) {
			assertThat(report.refusedAny()).isTrue();
			InstanceResult refused = result(report, closing);
			assertThat(refused.outcome()).isEqualTo(Outcome.REFUSED);
			assertThat(refused.reason()).contains("Task_ConfirmClosure");
			assertThat(refused.to()).isEqualTo(refused.from());
		}
		assertThat(result(dryRun, reviewing).outcome()).isEqualTo(Outcome.WOULD_MIGRATE);
		assertThat(result(run, reviewing).outcome()).isEqualTo(Outcome.MIGRATED);
		assertThat(definition(closing).getDeploymentId()).isEqualTo(old);
		assertThat(this.taskService.createTaskQuery().processInstanceId(closing).singleResult().getId())
			.isEqualTo(closingTask);
		assertThat(definition(reviewing).getVersionTag()).isEqualTo("broken-plan");
	}

	/**
	 * A migrated instance waits where it waited, with its timers' due dates. From
	 * meeting-confirmation tag 3 on, a confirmation task sits in
	 * {@code SubProcess_Confirmation}, which brings one more timer (the confirmation's
	 * lapse, counted from the migration).
	 */
	private void assertKeptItsPlace(String state, String id, List<String> activitiesBefore, List<Date> timersBefore) {
		if (state.startsWith(MEETING + "/Task_ConfirmBy") && newestTag(MEETING).compareTo("3") >= 0) {
			List<String> expected = new ArrayList<>(activitiesBefore);
			expected.add("SubProcess_Confirmation");
			assertThat(activities(id)).as("wait states of %s", state).isEqualTo(expected.stream().sorted().toList());
			List<Date> timers = new ArrayList<>(timers(id));
			assertThat(timers).as("timers of %s", state).containsAll(timersBefore).hasSize(timersBefore.size() + 1);
			timers.removeAll(timersBefore);
			Instant lapse = this.clock.instant().plus(Duration.ofDays(14));
			assertThat(timers.get(0).toInstant()).as("the confirmation's lapse, from the migration")
				.isBetween(lapse.minus(Duration.ofMinutes(5)), lapse.plusSeconds(1));
			return;
		}
		assertThat(activities(id)).as("wait states of %s", state).isEqualTo(activitiesBefore);
		assertThat(timers(id)).as("timers of %s", state).isEqualTo(timersBefore);
	}

	private String deploy(String name, Map<String, String> models) {
		var builder = this.repositoryService.createDeployment().name("process-migration-test-" + name);
		models.forEach((key, xml) -> builder.addInputStream(key + ".bpmn",
				new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))));
		String id = builder.deploy().getId();
		this.deployments.add(id);
		return id;
	}

	/**
	 * An instance of the deployment's process, started right before one of its
	 * activities.
	 */
	private String start(String deployment, String key, String activity) {
		ProcessDefinition definition = this.repositoryService.createProcessDefinitionQuery()
			.deploymentId(deployment)
			.processDefinitionKey(key)
			.singleResult();
		Instant now = this.clock.instant();
		Map<String, Object> variables = new HashMap<>();
		for (String id : List.of("mentorshipId", "meetingId")) {
			variables.put(id, UUID.randomUUID().toString());
		}
		for (String member : List.of("menteeId", "mentorId", "closureConfirmerId")) {
			variables.put(member, UUID.randomUUID().toString());
		}
		for (String duration : List.of("requestReminderAfter", "agreementReminderAfter", "confirmReminderAfter",
				"closureReminderAfter")) {
			variables.put(duration, "P3D");
		}
		variables.put("closureLapsesAfter", "P14D");
		variables.put("requestExpiresAt", Date.from(now.plus(Duration.ofDays(14))));
		variables.put("inactivityDueAt", Date.from(now.plus(Duration.ofDays(30))));
		variables.put("meetingStartsAt", Date.from(now.plus(Duration.ofDays(2))));
		variables.put("agreementVersion", 1);
		variables.put("agreementSubmission", 1);
		return this.runtimeService.createProcessInstanceById(definition.getId())
			.businessKey(this.businessKey)
			.setVariables(variables)
			.startBeforeActivity(activity)
			.execute()
			.getId();
	}

	private java.util.Set<String> executionActivities(String instanceId) {
		return new java.util.TreeSet<>(this.jdbc.queryForList(
				"select ACT_ID_ from ACT_RU_EXECUTION where PROC_INST_ID_ = ? and ACT_ID_ is not null", String.class,
				instanceId));
	}

	/** The instances and the instances they called. */
	private List<String> calledToo(Collection<String> ids) {
		List<String> all = new ArrayList<>(ids);
		for (String id : ids) {
			this.runtimeService.createProcessInstanceQuery()
				.superProcessInstanceId(id)
				.list()
				.forEach((called) -> all.add(called.getId()));
		}
		return all;
	}

	private List<String> activities(String instanceId) {
		List<String> ids = new ArrayList<>();
		for (ActivityInstance child : this.runtimeService.getActivityInstance(instanceId).getChildActivityInstances()) {
			collect(child, ids);
		}
		return ids.stream().sorted().toList();
	}

	private static void collect(ActivityInstance instance, List<String> ids) {
		ids.add(instance.getActivityId());
		for (ActivityInstance child : instance.getChildActivityInstances()) {
			collect(child, ids);
		}
	}

	private List<Date> timers(String instanceId) {
		return this.managementService.createJobQuery()
			.processInstanceId(instanceId)
			.timers()
			.list()
			.stream()
			.map(Job::getDuedate)
			.sorted()
			.toList();
	}

	private ProcessDefinition definition(String instanceId) {
		String id = this.runtimeService.createProcessInstanceQuery()
			.processInstanceId(instanceId)
			.singleResult()
			.getProcessDefinitionId();
		return this.repositoryService.getProcessDefinition(id);
	}

	private static InstanceResult result(MigrationReport report, String id) {
		return report.instances().stream().filter((result) -> result.id().equals(id)).findFirst().orElseThrow();
	}

	/** The versionTag of the process's model in {@code bpmn/}. */
	private static String newestTag(String key) {
		try {
			Matcher tag = Pattern.compile("camunda:versionTag=\"([^\"]+)\" id=\"" + key + "\"")
				.matcher(Files.readString(Path.of("bpmn", key + ".bpmn")));
			assertThat(tag.find()).as("versionTag of %s", key).isTrue();
			return tag.group(1);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String released(String key, String tag) throws IOException {
		return Files.readString(Path.of("src/test/resources/process-releases", key, tag + ".bpmn"));
	}

}
