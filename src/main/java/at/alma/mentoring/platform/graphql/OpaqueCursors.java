package at.alma.mentoring.platform.graphql;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import at.alma.mentoring.platform.InvalidInputException;

import org.springframework.data.domain.KeysetScrollPosition;
import org.springframework.data.domain.OffsetScrollPosition;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.graphql.data.pagination.CursorEncoder;
import org.springframework.graphql.data.pagination.CursorStrategy;

/**
 * The cursors of every connection: base64url of a small versioned text this application
 * writes and reads itself, {@code 1:o:<offset>} or {@code 1:k:<JSON object of text
 * keys>}. Spring for GraphQL's default wrote the keyset with Jackson's default typing (a
 * Java class name in every chat cursor) and failed on a damaged cursor with an exception
 * that became {@code INTERNAL_ERROR} and a stack trace in the log; here anything that is
 * not exactly such a cursor is the client's {@code INVALID_INPUT} on {@code after}.
 * Keyset values are texts only: a connection that pages by a key turns it into a text and
 * back (the chat's message id).
 */
final class OpaqueCursors implements CursorStrategy<ScrollPosition>, CursorEncoder {

	/** Far above any cursor we write; a longer one is not decoded at all. */
	static final int MAX_LENGTH = 512;

	private static final String OFFSET = "1:o:";

	private static final String KEYSET = "1:k:";

	private final ObjectMapper json = new ObjectMapper();

	@Override
	public boolean supports(Class<?> targetType) {
		return ScrollPosition.class.isAssignableFrom(targetType);
	}

	@Override
	public String toCursor(ScrollPosition position) {
		if (position instanceof OffsetScrollPosition offset) {
			return OFFSET + offset.getOffset();
		}
		if (position instanceof KeysetScrollPosition keyset) {
			ObjectNode keys = this.json.createObjectNode();
			keyset.getKeys().forEach((name, value) -> {
				if (!(value instanceof String text)) {
					throw new IllegalStateException("A keyset cursor holds texts only, not " + name);
				}
				keys.put(name, text);
			});
			return KEYSET + keys;
		}
		throw new IllegalStateException("No cursor for " + position);
	}

	@Override
	public ScrollPosition fromCursor(String cursor) {
		if (cursor.startsWith(OFFSET) && cursor.substring(OFFSET.length()).matches("0|[1-9][0-9]{0,17}")) {
			return ScrollPosition.offset(Long.parseLong(cursor.substring(OFFSET.length())));
		}
		if (cursor.startsWith(KEYSET)) {
			return ScrollPosition.forward(keys(cursor.substring(KEYSET.length())));
		}
		throw invalid();
	}

	private Map<String, Object> keys(String text) {
		try {
			JsonNode node = this.json.readTree(text);
			if (node == null || !node.isObject() || node.isEmpty()) {
				throw invalid();
			}
			Map<String, Object> keys = new LinkedHashMap<>();
			for (var field : node.properties()) {
				if (!field.getValue().isTextual()) {
					throw invalid();
				}
				keys.put(field.getKey(), field.getValue().textValue());
			}
			return keys;
		}
		catch (JsonProcessingException ex) {
			throw invalid();
		}
	}

	@Override
	public String encode(String cursor) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(cursor.getBytes(StandardCharsets.UTF_8));
	}

	@Override
	public String decode(String cursor) {
		if (cursor.isEmpty() || cursor.length() > MAX_LENGTH || !cursor.matches("[A-Za-z0-9_-]+")) {
			throw invalid();
		}
		try {
			return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			throw invalid();
		}
	}

	/** No stack trace: a client's mistake, answered and logged as such. */
	private static InvalidInputException invalid() {
		return new InvalidInputException("after", "Not a cursor of this list");
	}

}
