package at.alma.mentoring.workflow;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/**
 * A user task as the API shows it: what kind of step, for which business object (the
 * business key, a mentorship id), since when and until when. The edge to the mentorship
 * is mapped by the mentorship module.
 *
 * @param kind the task definition key without its {@code Task_} prefix in upper snake
 * case: {@code Task_ReviewRequest} → {@code REVIEW_REQUEST}
 */
public record WorkflowTask(String id, String kind, String name, UUID assignee, String processInstanceId,
		String businessKey, Instant since, Instant due) {

	public static String kindOf(String taskDefinitionKey) {
		String name = taskDefinitionKey.startsWith("Task_") ? taskDefinitionKey.substring(5) : taskDefinitionKey;
		return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
	}

}
