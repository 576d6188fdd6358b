package at.alma.mentoring.workflow;

import java.util.Map;
import java.util.Objects;

/**
 * The user tasks of one process and the {@link TaskKind} each is to the API, declared by
 * the module that owns the process (a bean per process). The table covers the task ids of
 * every version of the process that may still have running instances, so a task of an
 * older version keeps its kind.
 *
 * @param processKey the process definition key
 * @param byTaskId user task id (task definition key) to kind
 */
public record UserTaskKinds(String processKey, Map<String, TaskKind> byTaskId) {

	public UserTaskKinds {
		Objects.requireNonNull(processKey, "processKey");
		byTaskId = Map.copyOf(byTaskId);
	}

}
