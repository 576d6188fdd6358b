package at.alma.mentoring.wiki;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import at.alma.mentoring.platform.InvalidInputException;

/**
 * What an author writes: a title, a Markdown body and topics. Validated on construction;
 * the title and topics are trimmed, the body is kept exactly as written.
 */
record ArticleContent(String title, String body, List<String> topics) {

	static final int MAX_TITLE = 200;

	static final int MAX_BODY = 100_000;

	static final int MAX_TOPICS = 10;

	static final int MAX_TOPIC = 60;

	ArticleContent {
		title = (title == null) ? "" : title.strip();
		if (title.isEmpty() || title.length() > MAX_TITLE) {
			throw new InvalidInputException("input.title", "The title needs 1 to " + MAX_TITLE + " characters");
		}
		if (body == null || body.isBlank() || body.length() > MAX_BODY) {
			throw new InvalidInputException("input.body", "The body needs 1 to " + MAX_BODY + " characters");
		}
		topics = normalize(topics);
	}

	/** Trimmed, without case-insensitive duplicates, in the order given. */
	private static List<String> normalize(List<String> topics) {
		if (topics == null) {
			return List.of();
		}
		Map<String, String> distinct = new LinkedHashMap<>();
		for (String topic : topics) {
			String stripped = (topic == null) ? "" : topic.strip();
			if (stripped.isEmpty() || stripped.length() > MAX_TOPIC) {
				throw new InvalidInputException("input.topics", "A topic needs 1 to " + MAX_TOPIC + " characters");
			}
			distinct.putIfAbsent(stripped.toLowerCase(Locale.ROOT), stripped);
		}
		if (distinct.size() > MAX_TOPICS) {
			throw new InvalidInputException("input.topics", "At most " + MAX_TOPICS + " topics");
		}
		return List.copyOf(new ArrayList<>(distinct.values()));
	}

}
