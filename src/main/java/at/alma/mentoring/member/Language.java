package at.alma.mentoring.member;

import java.util.Locale;

/**
 * The language a member reads mails, certificates and texts in.
 */
public enum Language {

	DE, EN;

	public Locale locale() {
		return (this == DE) ? Locale.GERMAN : Locale.ENGLISH;
	}

}
