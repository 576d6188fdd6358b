package at.alma.mentoring.workflow;

import java.time.Instant;
import java.util.UUID;

/**
 * A user task as the API shows it: what kind of step, for which business object (the
 * business key, a mentorship id), since when and until when. The edge to the mentorship
 * is mapped by the mentorship module.
 *
 * @param kind what the step is, from the process's {@link UserTaskKinds}
 */
public record WorkflowTask(String id, TaskKind kind, String name, UUID assignee, String processInstanceId,
		String businessKey, Instant since, Instant due) {

}
