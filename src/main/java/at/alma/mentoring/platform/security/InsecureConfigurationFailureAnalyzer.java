package at.alma.mentoring.platform.security;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns {@link InsecureConfigurationException} into Boot's "APPLICATION FAILED TO START"
 * report that says what to set.
 */
class InsecureConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<InsecureConfigurationException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InsecureConfigurationException cause) {
		String description = "The prod profile is active, but secrets are still the development defaults:\n  - "
				+ String.join("\n  - ", cause.problems());
		return new FailureAnalysis(description,
				"Set the environment variables named above (see README, \"Configure it\") and start again.", cause);
	}

}
