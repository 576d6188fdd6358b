package at.alma.mentoring.platform;

import org.springframework.graphql.execution.ErrorType;

/**
 * A refusal the client should handle: wrong state, not your turn, capacity reached.
 * Carries a stable {@code code} that the API puts into the error's {@code extensions},
 * and the GraphQL classification.
 */
public class DomainException extends RuntimeException {

	private final String code;

	private final ErrorType classification;

	protected DomainException(ErrorType classification, String code, String message) {
		super(message);
		this.classification = classification;
		this.code = code;
	}

	/** A request that cannot be carried out as asked (bad state, rule violated). */
	public static DomainException refused(String code, String message) {
		return new DomainException(ErrorType.BAD_REQUEST, code, message);
	}

	/**
	 * Something the caller may not see or do; also used where revealing existence would
	 * leak.
	 */
	public static DomainException forbidden(String message) {
		return new DomainException(ErrorType.FORBIDDEN, "FORBIDDEN", message);
	}

	public static DomainException notFound(String what) {
		return new DomainException(ErrorType.NOT_FOUND, "NOT_FOUND", what + " not found");
	}

	/** Lost a race with another change; the client may reload and retry. */
	public static DomainException conflict(String code, String message) {
		return new DomainException(ErrorType.BAD_REQUEST, code, message);
	}

	public String getCode() {
		return this.code;
	}

	public ErrorType getClassification() {
		return this.classification;
	}

}
