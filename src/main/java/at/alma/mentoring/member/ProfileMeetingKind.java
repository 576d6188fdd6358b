package at.alma.mentoring.member;

import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How a member likes to meet (a mentee) or offers to (a mentor): the meeting module's
 * kinds by name ({@code MeetingKind} in the schema); declared here because that module
 * depends on this one.
 */
enum ProfileMeetingKind {

	IN_PERSON, VIDEO, PHONE;

	/** The stored form: names in declaration order, comma-separated, empty for none. */
	static String store(Collection<ProfileMeetingKind> kinds) {
		Set<ProfileMeetingKind> set = kinds.isEmpty() ? EnumSet.noneOf(ProfileMeetingKind.class)
				: EnumSet.copyOf(kinds);
		return set.stream().map(Enum::name).collect(Collectors.joining(","));
	}

	static Set<ProfileMeetingKind> read(String stored) {
		Set<ProfileMeetingKind> kinds = EnumSet.noneOf(ProfileMeetingKind.class);
		if (stored != null && !stored.isEmpty()) {
			Arrays.stream(stored.split(",")).map(ProfileMeetingKind::valueOf).forEach(kinds::add);
		}
		return kinds;
	}

}
