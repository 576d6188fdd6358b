package at.alma.mentoring.platform;

import org.springframework.data.domain.Limit;
import org.springframework.data.domain.OffsetScrollPosition;
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
		checkFirst(size);
		if (!subrange.forward()) {
			throw new InvalidInputException("last", "only forward paging (first/after) is supported");
		}
		return Limit.of(size);
	}

	/**
	 * A page size as the client sent it. Spring for GraphQL turns a negative
	 * {@code first} into "absent" before a controller sees it, so the GraphQL layer
	 * checks the raw argument with this too.
	 */
	public static void checkFirst(int first) {
		if (first < 1 || first > MAX_PAGE_SIZE) {
			throw new InvalidInputException("first", "first must be between 1 and " + MAX_PAGE_SIZE);
		}
	}

	/**
	 * The position of a connection paged by offset; the keyset cursor of another list
	 * (the chat's) is refused rather than read as the first page.
	 */
	public static ScrollPosition position(ScrollSubrange subrange) {
		ScrollPosition position = subrange.position().orElse(ScrollPosition.offset());
		if (!(position instanceof OffsetScrollPosition)) {
			throw new InvalidInputException("after", "Not a cursor of this list");
		}
		return position;
	}

}
