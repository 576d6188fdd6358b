package at.alma.mentoring.meeting;

import at.alma.mentoring.workflow.UserTaskKinds;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Hands the user task table of the meeting confirmation to the workflow module. */
@Configuration(proxyBeanMethods = false)
class MeetingTaskKinds {

	@Bean
	UserTaskKinds meetingConfirmationTaskKinds() {
		return MeetingProcess.TASK_KINDS;
	}

}
