package at.alma.mentoring.workflow;

import java.time.Instant;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import java.util.stream.Collectors;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;

import at.alma.mentoring.platform.DomainException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The modules' door to the engine for member actions: start a process, complete the
 * caller's own task, correlate a message to one process instance. Runs in the caller's
 * transaction, so a domain change and the engine's state commit or roll back together.
 */
@Service
public class WorkflowTasks {

	private final TaskService taskService;

	private final RuntimeService runtimeService;

	private final ManagementService managementService;

	private final TaskKinds taskKinds;

	WorkflowTasks(TaskService taskService, RuntimeService runtimeService, ManagementService managementService,
			TaskKinds taskKinds) {
		this.taskService = taskService;
		this.runtimeService = runtimeService;
		this.managementService = managementService;
		this.taskKinds = taskKinds;
	}

	/**
	 * Starts a process instance; returns its id, to be stored with the business object.
	 */
	@Transactional
	public String start(String processKey, UUID businessKey, Map<String, Object> variables) {
		return this.runtimeService.startProcessInstanceByKey(processKey, businessKey.toString(), variables).getId();
	}

	/**
	 * Completes the open task {@code taskKey} of the process instance, which must be
	 * assigned to {@code memberId}.
	 * @throws DomainException {@code NO_OPEN_TASK} when the step is not due (wrong
	 * state), {@code NOT_YOUR_TURN} when it belongs to someone else
	 */
	@Transactional
	public void complete(String processInstanceId, String taskKey, UUID memberId, Map<String, Object> variables) {
		Task task = openTask(processInstanceId, taskKey)
			.orElseThrow(() -> DomainException.refused("NO_OPEN_TASK", "This step is not due now"));
		if (!memberId.toString().equals(task.getAssignee())) {
			throw DomainException.refused("NOT_YOUR_TURN", "This step is someone else's to take");
		}
		this.taskService.complete(task.getId(), variables);
	}

	/**
	 * Completes the open task {@code taskKey} of the process instance that belongs to a
	 * candidate group, not to a member (an admins' task); the caller checked the role.
	 * @throws DomainException {@code NO_OPEN_TASK} when the step is not due
	 */
	@Transactional
	public void completeGroupTask(String processInstanceId, String taskKey, String candidateGroup,
			Map<String, Object> variables) {
		Task task = openTask(processInstanceId, taskKey).filter((open) -> open.getAssignee() == null)
			.orElseThrow(() -> DomainException.refused("NO_OPEN_TASK", "This step is not due now"));
		if (this.taskService.createTaskQuery().taskId(task.getId()).taskCandidateGroup(candidateGroup).count() == 0) {
			throw DomainException.refused("NOT_YOUR_TURN", "This step is someone else's to take");
		}
		this.taskService.complete(task.getId(), variables);
	}

	/**
	 * The open task {@code taskKey} of the process instance or, when it is a root
	 * instance, of any instance its call activities started (the agreement approval, the
	 * meeting confirmations): one query, through the executions' root instance id. The
	 * called processes call nothing further, so this is the whole tree below the
	 * instance.
	 */
	@Transactional(readOnly = true)
	public Optional<Task> openTask(String processInstanceId, String taskKey) {
		Objects.requireNonNull(processInstanceId, "processInstanceId");
		List<Task> tasks = this.taskService.createNativeTaskQuery()
			.sql("select RES.* from " + this.managementService.getTableName(ExecutionEntity.class) + " PI inner join "
					+ this.managementService.getTableName(TaskEntity.class) + " RES on RES.PROC_INST_ID_ = PI.ID_"
					+ " where (PI.ID_ = #{instance} or PI.ROOT_PROC_INST_ID_ = #{instance})"
					+ " and RES.TASK_DEF_KEY_ = #{taskKey} order by RES.CREATE_TIME_, RES.ID_")
			.parameter("instance", processInstanceId)
			.parameter("taskKey", taskKey)
			.list();
		return tasks.stream().findFirst();
	}

	/**
	 * Delivers a message to exactly one process instance (never by business key alone).
	 */
	@Transactional
	public void correlate(String messageName, String processInstanceId, Map<String, Object> variables) {
		Objects.requireNonNull(processInstanceId, "processInstanceId");
		this.runtimeService.createMessageCorrelation(messageName)
			.processInstanceId(processInstanceId)
			.setVariables(variables)
			.correlateWithResult();
	}

	/**
	 * Delivers a message to the process instance if it waits for it there; an instance
	 * that does not (another step, or an older process version) is left alone.
	 * @return whether the message was delivered
	 */
	@Transactional
	public boolean correlateIfWaiting(String messageName, String processInstanceId, Map<String, Object> variables) {
		Objects.requireNonNull(processInstanceId, "processInstanceId");
		boolean waiting = this.runtimeService.createEventSubscriptionQuery()
			.processInstanceId(processInstanceId)
			.eventType("message")
			.eventName(messageName)
			.count() > 0;
		if (waiting) {
			correlate(messageName, processInstanceId, variables);
		}
		return waiting;
	}

	/**
	 * Completes every open task {@code taskKey} of the process instance itself, whoever
	 * it is assigned to: for a step that another member action settles (a review the
	 * mentee's amendment or either side's closure proposal answers).
	 * @return how many were open
	 */
	@Transactional
	public int completeAll(String processInstanceId, String taskKey, Map<String, Object> variables) {
		Objects.requireNonNull(processInstanceId, "processInstanceId");
		List<Task> tasks = this.taskService.createTaskQuery()
			.processInstanceId(processInstanceId)
			.taskDefinitionKey(taskKey)
			.list();
		tasks.forEach((task) -> this.taskService.complete(task.getId(), variables));
		return tasks.size();
	}

	/**
	 * Delivers {@code message} to the process instance, which starts a called process
	 * ({@code calledKey}) through a call activity; returns the called instance's id,
	 * found by its {@code idVariable}.
	 */
	@Transactional
	public String startCalled(String message, String processInstanceId, String calledKey, String idVariable,
			String idValue, Map<String, Object> variables) {
		correlate(message, processInstanceId, variables);
		return this.runtimeService.createProcessInstanceQuery()
			.superProcessInstanceId(processInstanceId)
			.processDefinitionKey(calledKey)
			.variableValueEquals(idVariable, idValue)
			.singleResult()
			.getId();
	}

	/** The member's open tasks, oldest first; one page. */
	@Transactional(readOnly = true)
	public List<WorkflowTask> tasksOf(UUID memberId, int offset, int limit) {
		List<Task> tasks = this.taskService.createTaskQuery()
			.taskAssignee(memberId.toString())
			.orderByTaskCreateTime()
			.asc()
			.orderByTaskId()
			.asc()
			.listPage(offset, limit);
		return views(tasks);
	}

	private List<WorkflowTask> views(List<Task> tasks) {
		Set<String> processInstanceIds = tasks.stream().map(Task::getProcessInstanceId).collect(Collectors.toSet());
		Map<String, String> businessKeys = processInstanceIds.isEmpty() ? Map.of()
				: this.runtimeService.createProcessInstanceQuery()
					.processInstanceIds(new HashSet<>(processInstanceIds))
					.list()
					.stream()
					.collect(Collectors.toMap(ProcessInstance::getId, ProcessInstance::getBusinessKey));
		return tasks.stream().map((task) -> view(task, businessKeys)).toList();
	}

	/**
	 * Every member's open tasks created before {@code createdBefore}, oldest first; one
	 * page (what the program office lists as stalled). Two queries per page: the tasks,
	 * then their instances' business keys.
	 */
	@Transactional(readOnly = true)
	public List<WorkflowTask> openTasksCreatedBefore(Instant createdBefore, int offset, int limit) {
		List<Task> tasks = this.taskService.createTaskQuery()
			.taskAssigned()
			.taskCreatedBefore(Date.from(createdBefore))
			.orderByTaskCreateTime()
			.asc()
			.orderByTaskId()
			.asc()
			.listPage(offset, limit);
		return views(tasks);
	}

	private WorkflowTask view(Task task, Map<String, String> businessKeys) {
		return new WorkflowTask(task.getId(), this.taskKinds.of(task.getTaskDefinitionKey()), task.getName(),
				UUID.fromString(task.getAssignee()), task.getProcessInstanceId(),
				businessKeys.get(task.getProcessInstanceId()), task.getCreateTime().toInstant(),
				(task.getDueDate() != null) ? task.getDueDate().toInstant() : null);
	}

}
