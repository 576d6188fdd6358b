package at.alma.mentoring.member;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A member's profile as read in one transaction: backs both the private {@code Me} and
 * the public {@code Member} type of the schema (the schema decides which fields each
 * exposes).
 */
record Profile(UUID id, String email, String firstName, String lastName, String displayName, List<Role> roles,
		Language language, String timeZone, String bio, String goals, List<String> topics, List<String> fields,
		List<String> languages, List<ProfileMeetingKind> meetingKinds, String location, boolean mentorAvailable,
		int mentorCapacity, boolean showMentoringPartners, Instant createdAt, boolean emailVerified,
		String pendingEmail) implements MemberRef {

	static Profile of(Member member) {
		return new Profile(member.getId(), member.getEmail(), member.getFirstName(), member.getLastName(),
				member.getDisplayName(), member.getRoles().stream().sorted().toList(), member.getLanguage(),
				member.getTimeZone(), member.getBio(), member.getGoals(), List.copyOf(member.getTopics()),
				List.copyOf(member.getFields()), List.copyOf(member.getLanguages()),
				List.copyOf(member.getMeetingKinds()), member.getLocation(), member.isMentorAvailable(),
				member.getMentorCapacity(), member.isShowMentoringPartners(), member.getCreatedAt(),
				member.isEmailVerified(), member.getPendingEmail());
	}

	boolean hasRole(Role role) {
		return this.roles.contains(role);
	}

}
