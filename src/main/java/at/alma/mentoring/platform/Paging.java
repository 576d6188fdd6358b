package at.alma.mentoring.platform;

import org.springframework.data.domain.Limit;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.graphql.data.query.ScrollSubrange;

/**
 * Page-size rules shared by every Relay connection: a default when {@code first} is
 * absent, and a hard cap that is refused with a clear error rather than silently lowered.
 */
public final class Paging {

	public static final int DEFAULT_PAGE_SIZE = 20;

	public static final int MAX_PAGE_SIZE = 100;

	private Paging() {
	}

	public static Limit limit(ScrollSubrange subrange) {
		int size = subrange.count().orElse(DEFAULT_PAGE_SIZE);
		if (size < 1 || size > MAX_PAGE_SIZE) {
			throw new InvalidInputException("first", "first must be between 1 and " + MAX_PAGE_SIZE);
		}
		if (!subrange.forward()) {
			throw new InvalidInputException("last", "only forward paging (first/after) is supported");
		}
		return Limit.of(size);
	}

	public static ScrollPosition position(ScrollSubrange subrange) {
		return subrange.position().orElse(ScrollPosition.offset());
	}

}
