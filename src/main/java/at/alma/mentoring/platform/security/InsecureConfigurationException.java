package at.alma.mentoring.platform.security;

import java.util.List;

/**
 * The production profile found development secrets; see
 * {@link InsecureConfigurationFailureAnalyzer}.
 */
class InsecureConfigurationException extends RuntimeException {

	private final List<String> problems;

	InsecureConfigurationException(List<String> problems) {
		super("Refusing to start with development secrets: " + String.join("; ", problems));
		this.problems = List.copyOf(problems);
	}

	List<String> problems() {
		return this.problems;
	}

}
