package at.alma.mentoring.member;

/**
 * What a member does on the platform. MENTEE and MENTOR come from sign-up (one account
 * may hold both); ADMIN only from configuration ({@code MENTORING_ADMIN_EMAILS}), which
 * also takes it away.
 */
public enum Role {

	MENTEE, MENTOR, ADMIN

}
