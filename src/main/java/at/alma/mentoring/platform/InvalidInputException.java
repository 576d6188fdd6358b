package at.alma.mentoring.platform;

import org.springframework.graphql.execution.ErrorType;

/**
 * An input value that fails validation; names the offending field so a form can mark it.
 */
public class InvalidInputException extends DomainException {

	private final String field;

	public InvalidInputException(String field, String message) {
		this(field, "INVALID_INPUT", message);
	}

	public InvalidInputException(String field, String code, String message) {
		super(ErrorType.BAD_REQUEST, code, message);
		this.field = field;
	}

	public String getField() {
		return this.field;
	}

}
