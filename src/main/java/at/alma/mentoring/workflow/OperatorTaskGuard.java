package at.alma.mentoring.workflow;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractAddIdentityLinkCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetTaskPropertyCmd;
import org.camunda.bpm.engine.impl.cmd.AssignTaskCmd;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.DelegateTaskCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteIdentityLinkCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskBpmnErrorCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskEscalationCmd;
import org.camunda.bpm.engine.impl.cmd.PatchTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.RemoveTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.ResolveTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SaveTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SetTaskOwnerCmd;
import org.camunda.bpm.engine.impl.cmd.SetTaskVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

import org.springframework.stereotype.Component;

/**
 * Members' tasks are changed through the API only. Every user task of this application
 * belongs to the member it is assigned to, who finds it in {@code myTasks}; a task
 * claimed, reassigned, unclaimed, delegated, edited or completed in Tasklist or through
 * {@code /engine-rest} would vanish from {@code myTasks} or skip the domain change its
 * mutation makes. So a task-changing command issued by a Camunda user (an operator: the
 * webapps and {@code /engine-rest} authenticate every call) is refused with an
 * {@link AuthorizationException}, before it runs: 403 on {@code /engine-rest}, an error
 * notice in Tasklist. Reading tasks stays allowed.
 * <p>
 * Engine authorizations cannot do this: members of {@code camunda-admin} pass every
 * authorization check. The application's own calls carry no Camunda user and are not
 * affected, nor are Cockpit's repairs (job retries, process instance modification: those
 * are not task commands). There are no standalone tasks
 * ({@code standalone-tasks-enabled: false}), so every task is a member's, or the admins'
 * dispute task of a meeting, which admins settle through the API (resolveMeetingDispute).
 */
@Component
class OperatorTaskGuard extends AbstractProcessEnginePlugin {

	static final String REFUSAL = "Members' tasks are changed through the alma-mentoring API only "
			+ "(the member acts in the app); an operator repairs a mentorship in Cockpit "
			+ "(retry jobs, modify the process instance), see docs/operations.md, \"Tasklist: members' tasks are read-only there\"";

	private static final List<Class<?>> TASK_CHANGES = List.of(ClaimTaskCmd.class, AssignTaskCmd.class,
			SetTaskOwnerCmd.class, DelegateTaskCmd.class, ResolveTaskCmd.class, CompleteTaskCmd.class,
			SubmitTaskFormCmd.class, SaveTaskCmd.class, AbstractSetTaskPropertyCmd.class,
			AbstractAddIdentityLinkCmd.class, DeleteIdentityLinkCmd.class, SetTaskVariablesCmd.class,
			RemoveTaskVariablesCmd.class, PatchTaskVariablesCmd.class, HandleTaskBpmnErrorCmd.class,
			HandleTaskEscalationCmd.class, DeleteTaskCmd.class);

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		if (configuration.getCustomPreCommandInterceptorsTxRequired() == null) {
			configuration.setCustomPreCommandInterceptorsTxRequired(new ArrayList<>());
		}
		configuration.getCustomPreCommandInterceptorsTxRequired().add(new CommandInterceptor() {

			@Override
			public <T> T execute(Command<T> command) {
				if (isTaskChange(command) && configuration.getIdentityService().getCurrentAuthentication() != null) {
					throw new AuthorizationException(REFUSAL);
				}
				return this.next.execute(command);
			}

		});
	}

	private static boolean isTaskChange(Command<?> command) {
		return TASK_CHANGES.stream().anyMatch((type) -> type.isInstance(command));
	}

}
