package at.alma.mentoring.workflow;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.task.Task;

import org.springframework.stereotype.Component;

/**
 * No engine grants for a task's assignee or owner. Camunda's default provider gives the
 * assignee of every user task read and update rights on it (a look-up and an
 * {@code ACT_RU_AUTHORIZATION} row per task). Our assignees are members, not Camunda
 * users: they reach their tasks through GraphQL, never through Tasklist, so the grants
 * would never be used. Operators keep their rights through their groups.
 */
@Component
class MemberTaskGrants extends AbstractProcessEnginePlugin {

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		configuration.setResourceAuthorizationProvider(new DefaultAuthorizationProvider() {

			@Override
			public AuthorizationEntity[] newTaskAssignee(Task task, String oldAssignee, String newAssignee) {
				return new AuthorizationEntity[0];
			}

			@Override
			public AuthorizationEntity[] newTaskOwner(Task task, String oldOwner, String newOwner) {
				return new AuthorizationEntity[0];
			}

		});
	}

}
