package at.alma.mentoring.group;

import java.time.Instant;
import java.util.UUID;

/** A group as read in one transaction; what the API shows as {@code Group}. */
record GroupView(UUID id, String name, String description, int memberCount, Instant createdAt, Instant closedAt) {

	static GroupView of(Group group) {
		return new GroupView(group.getId(), group.getName(), group.getDescription(), group.getMemberCount(),
				group.getCreatedAt(), group.getClosedAt());
	}

}
