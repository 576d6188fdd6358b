package at.alma.mentoring.member;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How profile text and search text become terms (docs/api.md, "Search"): lower case
 * without accents ("Résumé" is {@code resume}), {@code ß} as {@code ss}, a German umlaut
 * in both spellings ("Müller" is {@code muller} and {@code mueller}), words split at
 * everything but letters and digits (a trailing {@code +} or {@code #} stays:
 * {@code c++}, {@code c#}), words of one letter and a few function words left out, at
 * most {@value #MAX_TERM_LENGTH} characters. The index and the query use the same rules,
 * so the database compares plain strings.
 */
final class SearchText {

	static final int MAX_TERM_LENGTH = 40;

	/** Terms of at least this length also find longer terms they begin. */
	static final int MIN_PREFIX_LENGTH = 3;

	private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+[+#]*");

	private static final Pattern MARKS = Pattern.compile("\\p{M}+");

	private static final Pattern UMLAUT = Pattern.compile("[äöü]");

	/**
	 * Function words of German and English that would match nearly every bio; "it" is not
	 * one of them (IT, the field).
	 */
	private static final Set<String> STOP_WORDS = Set.of("and", "the", "of", "to", "for", "with", "on", "at", "by",
			"an", "or", "is", "are", "und", "oder", "der", "die", "das", "den", "dem", "des", "ein", "eine", "einen",
			"einem", "einer", "zu", "zum", "zur", "mit", "von", "vom", "fur", "fuer", "auf", "bei", "als", "ist",
			"sind", "ich", "im");

	private SearchText() {
	}

	/**
	 * The distinct terms of a text as the index stores them: each word in its plain form
	 * and, for a word with an umlaut, its transliterated form too.
	 */
	static Set<String> indexTerms(String text) {
		Set<String> terms = new LinkedHashSet<>();
		for (Word word : words(text)) {
			terms.addAll(word.forms());
		}
		return terms;
	}

	/**
	 * The distinct words of a search text, each with the forms any of which counts as a
	 * match (one, or two for a word with an umlaut).
	 */
	static List<Word> words(String text) {
		if (text == null) {
			return List.of();
		}
		String lower = Normalizer.normalize(text, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
		Matcher matcher = WORD.matcher(lower);
		Set<Word> words = new LinkedHashSet<>();
		while (matcher.find()) {
			Word word = word(matcher.group());
			if (word != null) {
				words.add(word);
			}
		}
		return new ArrayList<>(words);
	}

	private static Word word(String lower) {
		String plain = plain(lower);
		if (plain.codePointCount(0, plain.length()) < 2 || STOP_WORDS.contains(plain)) {
			return null;
		}
		if (UMLAUT.matcher(lower).find()) {
			String transliterated = plain(lower.replace("ä", "ae").replace("ö", "oe").replace("ü", "ue"));
			if (!transliterated.equals(plain)) {
				return new Word(List.of(plain, transliterated));
			}
		}
		return new Word(List.of(plain));
	}

	/** Without accents and marks, special letters spelled out, cut to the term length. */
	private static String plain(String lower) {
		String decomposed = Normalizer.normalize(lower, Normalizer.Form.NFKD);
		String plain = MARKS.matcher(decomposed)
			.replaceAll("")
			.replace("ß", "ss")
			.replace("æ", "ae")
			.replace("œ", "oe")
			.replace("ø", "o")
			.replace("đ", "d")
			.replace("ł", "l")
			.replace("þ", "th")
			.replace("ı", "i")
			.replace("ς", "σ");
		if (plain.codePointCount(0, plain.length()) > MAX_TERM_LENGTH) {
			plain = plain.substring(0, plain.offsetByCodePoints(0, MAX_TERM_LENGTH));
		}
		return plain;
	}

	/**
	 * A word of a search text: the forms it matches exactly; with at least
	 * {@value #MIN_PREFIX_LENGTH} characters it matches terms that begin with one of them
	 * too, ranked below an exact match.
	 */
	record Word(List<String> forms) {

		boolean prefix() {
			return this.forms.stream().allMatch((form) -> form.codePointCount(0, form.length()) >= MIN_PREFIX_LENGTH);
		}

		/** The LIKE patterns of the prefix match, {@code !} escaping the wildcards. */
		List<String> likePatterns() {
			return this.forms.stream()
				.map((form) -> form.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%")
				.toList();
		}

	}

}
