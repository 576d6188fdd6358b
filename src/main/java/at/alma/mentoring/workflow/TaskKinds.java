package at.alma.mentoring.workflow;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * Every process's {@link UserTaskKinds} in one table by task id. A user task without a
 * kind is a programming error (a BPMN user task added without its entry) and fails loudly
 * instead of reaching clients as a guessed name.
 */
@Component
public class TaskKinds {

	private final Map<String, TaskKind> byTaskId = new HashMap<>();

	private final Map<String, String> processOf = new HashMap<>();

	TaskKinds(List<UserTaskKinds> processes) {
		for (UserTaskKinds process : processes) {
			process.byTaskId().forEach((taskId, kind) -> {
				TaskKind before = this.byTaskId.putIfAbsent(taskId, kind);
				if (before != null && before != kind) {
					throw new IllegalStateException("User task id " + taskId + " is " + before + " in "
							+ this.processOf.get(taskId) + " but " + kind + " in " + process.processKey());
				}
				this.processOf.putIfAbsent(taskId, process.processKey());
			});
		}
	}

	/**
	 * The kind of the user task with this task definition key.
	 * @throws IllegalStateException when no process declares the task
	 */
	public TaskKind of(String taskDefinitionKey) {
		TaskKind kind = this.byTaskId.get(taskDefinitionKey);
		if (kind == null) {
			throw new IllegalStateException(
					"User task " + taskDefinitionKey + " has no TaskKind: add it to the UserTaskKinds of its process");
		}
		return kind;
	}

	/**
	 * The kind's name as a metric label, or {@code UNKNOWN} for a user task no process
	 * declares (a process deployed by hand): a label must not fail a scrape.
	 */
	public String labelOf(String taskDefinitionKey) {
		TaskKind kind = this.byTaskId.get(taskDefinitionKey);
		return (kind != null) ? kind.name() : "UNKNOWN";
	}

}
