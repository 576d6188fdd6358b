/**
 * The mentoring agreement: versions the mentee writes and the mentor approves or sends
 * back, the approval process and the API's {@code Agreement}. Its face to the rest of the
 * module is small: {@link at.alma.mentoring.mentorship.agreement.AgreementLookup} and
 * {@link at.alma.mentoring.mentorship.agreement.AgreementView} to read versions, the
 * process names in
 * {@link at.alma.mentoring.mentorship.agreement.AgreementApprovalProcess}, and
 * {@link at.alma.mentoring.mentorship.agreement.MentorshipLifecycle}, which the module's
 * base package implements for it. Internal to the mentorship module.
 */
package at.alma.mentoring.mentorship.agreement;
