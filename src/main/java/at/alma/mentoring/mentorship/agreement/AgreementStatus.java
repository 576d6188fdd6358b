package at.alma.mentoring.mentorship.agreement;

/**
 * A version of the agreement: {@code DRAFT → SUBMITTED → APPROVED}, or
 * {@code SUBMITTED → CHANGES_REQUESTED} (revised by the mentee, submitted again).
 */
public enum AgreementStatus {

	DRAFT, SUBMITTED, CHANGES_REQUESTED, APPROVED

}
