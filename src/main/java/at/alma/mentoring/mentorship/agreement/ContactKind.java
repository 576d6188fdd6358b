package at.alma.mentoring.mentorship.agreement;

/** How mentor and mentee keep in touch. */
public enum ContactKind {

	IN_PERSON, VIDEO, PHONE, CHAT, EMAIL

}
