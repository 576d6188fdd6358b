package at.alma.mentoring.member;

import java.util.UUID;

/**
 * What another module may know about a {@code Me} or {@code Member} that reaches it as
 * the source of a GraphQL field ({@code extend type Member} in another module's schema):
 * whose profile it is. The profile itself stays internal to this module.
 */
public interface MemberRef {

	UUID id();

}
