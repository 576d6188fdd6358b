package at.alma.mentoring.member;

import java.util.List;
import java.util.UUID;

/**
 * A member as the other side of their mentorship sees them: full name and profile, never
 * the e-mail address.
 */
public record Participant(UUID id, String firstName, String lastName, String displayName, String bio,
		List<String> topics, List<String> languages, String location) {

	static Participant of(Member member) {
		return new Participant(member.getId(), member.getFirstName(), member.getLastName(), member.getDisplayName(),
				member.getBio(), List.copyOf(member.getTopics()), List.copyOf(member.getLanguages()),
				member.getLocation());
	}

}
