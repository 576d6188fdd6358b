package at.alma.mentoring.member;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import at.alma.mentoring.notification.MailRecipients;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * No mail for a member who is suspended, nor for an address that no longer has an account
 * (every mail goes to a member), at the moment it is sent. The addresses of an address
 * change (the new one waiting to be verified, the old one getting its notice) belong to
 * the member who asked for it.
 */
@Component
class SuspendedRecipients implements MailRecipients {

	static final String SUSPENDED = "RECIPIENT_SUSPENDED";

	static final String UNKNOWN = "RECIPIENT_UNKNOWN";

	static final String DELETED = "RECIPIENT_DELETED";

	private final Members members;

	private final EmailVerificationRepository verifications;

	SuspendedRecipients(Members members, EmailVerificationRepository verifications) {
		this.members = members;
		this.verifications = verifications;
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<String> refusal(String email) {
		String address = Member.normalizeEmail(email);
		Optional<Member> owner = this.members.findByEmail(address);
		if (owner.isEmpty()) {
			List<UUID> changing = this.verifications.findMemberIdsByAddress(address);
			owner = changing.isEmpty() ? Optional.empty()
					: this.members.findAllById(changing).stream().min(Comparator.comparing(Member::isSuspended));
		}
		return owner
			.map((member) -> member.isDeleted() ? Optional.of(DELETED)
					: member.isSuspended() ? Optional.of(SUSPENDED) : Optional.<String>empty())
			.orElse(Optional.of(UNKNOWN));
	}

}
