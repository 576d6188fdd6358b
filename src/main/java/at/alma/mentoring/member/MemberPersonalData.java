package at.alma.mentoring.member;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import at.alma.mentoring.notification.MailLedger;
import at.alma.mentoring.privacy.PersonalData;
import at.alma.mentoring.privacy.PersonalDataArchive;

import org.springframework.stereotype.Component;

/**
 * The member's contribution to their export: the profile with roles ({@code profile}),
 * and the mails sent to their address ({@code mails}, from the notification module's
 * ledger: the member module is the one that knows the address). Never the password hash
 * or the token version.
 */
@Component
class MemberPersonalData implements PersonalData {

	private final Members members;

	private final MailLedger mails;

	MemberPersonalData(Members members, MailLedger mails) {
		this.members = members;
		this.mails = mails;
	}

	@Override
	public void exportTo(UUID memberId, PersonalDataArchive archive) {
		Member member = this.members.findById(memberId).orElseThrow();
		archive.section("profile",
				new ProfileSection(member.getId(), member.getEmail(), member.getEmailVerifiedAt(),
						member.getPendingEmail(), member.getFirstName(), member.getLastName(),
						member.getLanguage().name(), member.getTimeZone(), member.getBio(), member.getGoals(),
						member.getLocation(), List.copyOf(member.getTopics()), List.copyOf(member.getFields()),
						List.copyOf(member.getLanguages()), member.getMeetingKinds().stream().map(Enum::name).toList(),
						member.getRoles().stream().map(Role::name).sorted().toList(), member.isMentorAvailable(),
						member.getMentorCapacity(), member.isShowMentoringPartners(), member.getCreatedAt(),
						member.getSuspendedAt(), member.getSuspensionReason()));
		archive.section("mails", this.mails.sentTo(member.getEmail()));
	}

	record ProfileSection(UUID id, String email, Instant emailVerifiedAt, String pendingEmail, String firstName,
			String lastName, String language, String timeZone, String bio, String goals, String location,
			List<String> topics, List<String> fields, List<String> languages, List<String> meetingKinds,
			List<String> roles, boolean mentorAvailable, int mentorCapacity, boolean showMentoringPartners,
			Instant createdAt, Instant suspendedAt, String suspensionReason) {
	}

}
