package at.alma.mentoring.member;

import java.util.List;
import java.util.UUID;

/**
 * A member as the other side of their mentorship sees them: full name and profile, never
 * the e-mail address.
 */
public record Participant(UUID id, String firstName, String lastName, String displayName, String bio,
		List<String> topics, List<String> languages, String location) {

	/** A member who deleted their account, named in the reader's language. */
	static Participant former(Member member, Language reader) {
		String name = (reader == Language.DE) ? "ein ehemaliges Mitglied" : "a former member";
		return new Participant(member.getId(), name, "", name, null, List.of(), List.of(), null);
	}

	static Participant of(Member member) {
		return new Participant(member.getId(), member.getFirstName(), member.getLastName(), member.getDisplayName(),
				member.getBio(), List.copyOf(member.getTopics()), List.copyOf(member.getLanguages()),
				member.getLocation());
	}

}
