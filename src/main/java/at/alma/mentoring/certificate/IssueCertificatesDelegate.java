package at.alma.mentoring.certificate;

import java.util.UUID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

/**
 * {@code ${issueCertificates}}: the async step after both agreed to close; safe to run
 * again.
 */
@Component("issueCertificates")
class IssueCertificatesDelegate implements JavaDelegate {

	private final CertificateIssuing issuing;

	IssueCertificatesDelegate(CertificateIssuing issuing) {
		this.issuing = issuing;
	}

	@Override
	public void execute(DelegateExecution execution) {
		this.issuing.issue(UUID.fromString((String) execution.getVariable("mentorshipId")));
	}

}
