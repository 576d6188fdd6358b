package at.alma.mentoring.mentorship;

import at.alma.mentoring.mentorship.agreement.AgreementApprovalProcess;
import at.alma.mentoring.workflow.UserTaskKinds;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Hands the user task tables of this module's processes to the workflow module. */
@Configuration(proxyBeanMethods = false)
class MentorshipTaskKinds {

	@Bean
	UserTaskKinds lifecycleTaskKinds() {
		return LifecycleProcess.TASK_KINDS;
	}

	@Bean
	UserTaskKinds agreementApprovalTaskKinds() {
		return AgreementApprovalProcess.TASK_KINDS;
	}

}
