package at.alma.mentoring.member;

import java.util.Locale;
import java.util.Set;

import at.alma.mentoring.platform.InvalidInputException;

/**
 * Length over composition rules (NIST SP 800-63B): at least 10 characters, not a
 * well-known password, not the e-mail address or the member's name.
 */
final class PasswordPolicy {

	static final int MIN_LENGTH = 10;

	private static final Set<String> COMMON = Set.of("password12", "password123", "1234567890", "12345678910",
			"qwertzuiop", "qwertyuiop", "iloveyou12", "passwort12", "passwort123", "letmein123", "welcome123",
			"administrator", "0987654321", "1111111111", "abcdefghij", "asdfghjkl1");

	private PasswordPolicy() {
	}

	static void check(String password, String email, String firstName, String lastName) {
		check("input.password", password, email, firstName, lastName);
	}

	/** As {@code signUp}'s password, for the input field {@code field}. */
	static void check(String field, String password, String email, String firstName, String lastName) {
		String lower = password.toLowerCase(Locale.ROOT);
		String problem = null;
		if (password.codePointCount(0, password.length()) < MIN_LENGTH) {
			problem = "The password needs at least " + MIN_LENGTH + " characters";
		}
		else if (COMMON.contains(lower) || password.chars().distinct().count() < 4) {
			problem = "This password is too easy to guess";
		}
		else if (lower.contains(Member.normalizeEmail(email))
				|| lower.equals(email.split("@")[0].toLowerCase(Locale.ROOT))
				|| lower.equals((firstName + lastName).toLowerCase(Locale.ROOT))) {
			problem = "The password must not be your e-mail address or your name";
		}
		if (problem != null) {
			throw new InvalidInputException(field, "WEAK_PASSWORD", problem);
		}
	}

}
