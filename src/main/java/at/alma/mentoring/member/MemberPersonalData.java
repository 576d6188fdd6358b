package at.alma.mentoring.member;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import at.alma.mentoring.notification.MailLedger;
import at.alma.mentoring.notification.Mailbox;
import at.alma.mentoring.platform.StoredAnswers;
import at.alma.mentoring.privacy.PersonalData;
import at.alma.mentoring.privacy.PersonalDataArchive;
import at.alma.mentoring.workflow.WorkflowTraces;

import org.springframework.stereotype.Component;

/**
 * The member's contribution to their export: the profile with roles ({@code profile}),
 * and the mails sent to them, at whichever address ({@code mails}, from the notification
 * module's ledger). Never the password hash or the token version.
 *
 * Its erasure runs last ({@link PersonalData#ACCOUNT_PHASE}) and takes the throttle
 * buckets of the address, the verification and reset links, the addresses in the mail
 * ledger, the account mails not sent yet, the answers stored for the member's
 * {@code Idempotency-Key}s and the engine's failure texts of the account mails; then the
 * account becomes a tombstone ({@link Member#erase}) and leaves the search index.
 */
@Component
class MemberPersonalData implements PersonalData {

	private final Members members;

	private final MailLedger mails;

	private final SignInThrottle signInThrottle;

	private final PasswordResetThrottle resetThrottle;

	private final EmailVerificationThrottle verificationThrottle;

	private final EmailVerificationRepository verifications;

	private final PasswordResetRepository resets;

	private final Clock clock;

	private final WorkflowTraces workflow;

	private final Mailbox mailbox;

	private final StoredAnswers answers;

	private final SearchIndex searchIndex;

	private final AdminActions adminActions;

	MemberPersonalData(Members members, MailLedger mails, SignInThrottle signInThrottle,
			PasswordResetThrottle resetThrottle, EmailVerificationThrottle verificationThrottle,
			EmailVerificationRepository verifications, PasswordResetRepository resets, Clock clock,
			WorkflowTraces workflow, Mailbox mailbox, StoredAnswers answers, SearchIndex searchIndex,
			AdminActions adminActions) {
		this.searchIndex = searchIndex;
		this.adminActions = adminActions;
		this.answers = answers;
		this.mailbox = mailbox;
		this.workflow = workflow;
		this.members = members;
		this.mails = mails;
		this.signInThrottle = signInThrottle;
		this.resetThrottle = resetThrottle;
		this.verificationThrottle = verificationThrottle;
		this.verifications = verifications;
		this.resets = resets;
		this.clock = clock;
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
		archive.section("mails", this.mails.sentTo(memberId));
	}

	@Override
	public void erase(UUID memberId) {
		Member member = this.members.findByIdForUpdate(memberId).orElseThrow();
		// the addresses in force and, from the links, the earlier ones
		Set<String> addresses = new LinkedHashSet<>(addresses(member));
		addresses.addAll(this.verifications.findAddressesByMember(memberId));
		for (String address : addresses) {
			this.signInThrottle.forget(address);
			this.resetThrottle.forget(address);
		}
		this.verificationThrottle.forget(memberId);
		this.verifications.deleteByMember(memberId);
		this.resets.deleteByMember(memberId);
		this.mails.forget(memberId, addresses);
		this.adminActions.forgetReasons(memberId);
		this.mailbox.withdraw(memberId.toString());
		this.answers.forget(memberId);
		// the account mails' instances (business key: the member id)
		this.workflow.eraseFailureTexts(List.of(memberId.toString()));
		member.erase(this.clock.instant());
		this.members.flush();
		// no terms are left: the row goes
		this.searchIndex.index(member);
	}

	@Override
	public int erasurePhase() {
		return ACCOUNT_PHASE;
	}

	private static List<String> addresses(Member member) {
		return (member.getPendingEmail() != null) ? List.of(member.getEmail(), member.getPendingEmail())
				: List.of(member.getEmail());
	}

	record ProfileSection(UUID id, String email, Instant emailVerifiedAt, String pendingEmail, String firstName,
			String lastName, String language, String timeZone, String bio, String goals, String location,
			List<String> topics, List<String> fields, List<String> languages, List<String> meetingKinds,
			List<String> roles, boolean mentorAvailable, int mentorCapacity, boolean showMentoringPartners,
			Instant createdAt, Instant suspendedAt, String suspensionReason) {
	}

}
