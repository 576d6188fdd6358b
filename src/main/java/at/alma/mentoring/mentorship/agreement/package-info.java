/**
 * The mentoring agreement: versions the mentee writes and the mentor approves or sends
 * back, the approval process and the API's {@code Agreement}. Internal to the mentorship
 * module, with a small face to the rest of it: {@code AgreementLookup} and
 * {@code AgreementView} to read versions, the process names in
 * {@code AgreementApprovalProcess}, and {@code MentorshipLifecycle}, which the module's
 * base package implements for it.
 */
package at.alma.mentoring.mentorship.agreement;
