package at.alma.mentoring.notification;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import at.alma.mentoring.ApiTest;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputParameter;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The mail kinds of the running application: their wire names are stored in running
 * {@code mail-delivery} instances and named by released process versions, so none may
 * change or go away.
 */
class MailKindsTests extends ApiTest {

	@Autowired
	MailComposers composers;

	@Test
	void theWireNamesAreTheOnesRunningInstancesCarry() {
		assertThat(this.composers.wireNames()).containsExactlyInAnyOrder("REQUEST_RECEIVED", "REQUEST_REMINDER",
				"REQUEST_ACCEPTED", "REQUEST_DECLINED", "REQUEST_WITHDRAWN", "REQUEST_EXPIRED", "AGREEMENT_SUBMITTED",
				"AGREEMENT_REMINDER", "AGREEMENT_APPROVED", "AGREEMENT_CHANGES_REQUESTED", "CLOSURE_PROPOSED",
				"CLOSURE_REMINDER", "CLOSURE_DECLINED", "CLOSURE_LAPSED", "MENTORSHIP_COMPLETED",
				"MENTORSHIP_TERMINATED", "MEETING_PROPOSED", "MEETING_DECLINED", "MEETING_SCHEDULED",
				"MEETING_CANCELLED", "MEETING_CONFIRM_REMINDER", "MEETING_NOT_HELD", "MEETING_DISPUTED",
				"MEETING_DISPUTE_RESOLVED", "MEETING_UNCONFIRMED", "MEETING_DISPUTE_REMINDER", "FEEDBACK_REQUEST",
				"PASSWORD_RESET", "EMAIL_VERIFICATION", "EMAIL_CHANGE", "EMAIL_CHANGE_NOTICE", "EMAIL_IN_USE",
				"AGREEMENT_DRIFT", "AGREEMENT_REVIEW_REMINDER");
	}

	@Test
	void everyMailAProcessVersionNamesHasAComposer() throws IOException {
		Set<String> named = new TreeSet<>();
		for (Path root : new Path[] { Path.of("bpmn"), Path.of("src/test/resources/process-releases") }) {
			try (Stream<Path> paths = Files.walk(root)) {
				for (Path file : paths.filter((path) -> path.toString().endsWith(".bpmn")).toList()) {
					try (InputStream in = Files.newInputStream(file)) {
						Bpmn.readModelFromStream(in)
							.getModelElementsByType(CamundaInputParameter.class)
							.stream()
							.filter((parameter) -> "mail".equals(parameter.getCamundaName()))
							.forEach((parameter) -> named.add(parameter.getTextContent().strip()));
					}
				}
			}
		}
		assertThat(named).isNotEmpty();
		assertThat(this.composers.wireNames()).containsAll(named);
	}

}
