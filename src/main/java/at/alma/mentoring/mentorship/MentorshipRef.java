package at.alma.mentoring.mentorship;

import java.util.UUID;

/**
 * What another module may know about a {@code Mentorship} that reaches it as the source
 * of a GraphQL field ({@code extend type Mentorship} in another module's schema): its id.
 * The entity itself stays internal to this module.
 */
public interface MentorshipRef {

	UUID getId();

}
