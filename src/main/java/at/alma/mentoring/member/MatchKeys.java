package at.alma.mentoring.member;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How profile words are compared: case- and accent-insensitive, so that "Künstliche
 * Intelligenz" and "kunstliche intelligenz" are one topic, "Éducation" and "education"
 * one field. Compatibility decomposition, combining marks dropped, ß as ss, lower case,
 * runs of white space as one space.
 */
final class MatchKeys {

	/** The longest key stored ({@code member_match_keys.match_key}). */
	static final int MAX_LENGTH = 120;

	private static final Pattern MARKS = Pattern.compile("\\p{M}+");

	private static final Pattern SPACES = Pattern.compile("\\s+");

	private MatchKeys() {
	}

	static String of(String text) {
		String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD);
		String key = SPACES
			.matcher(MARKS.matcher(decomposed).replaceAll("").replace("ß", "ss").toLowerCase(Locale.ROOT))
			.replaceAll(" ")
			.strip();
		return (key.length() > MAX_LENGTH) ? key.substring(0, MAX_LENGTH) : key;
	}

}
