package at.alma.mentoring.mentorship;

import java.util.UUID;

/**
 * What other modules may know of the {@code Mentorship} objects the API hands around:
 * their id. Lets another module add fields to the GraphQL type {@code Mentorship} (a
 * {@code @BatchMapping} on it receives these).
 */
public interface MentorshipRef {

	UUID getId();

}
