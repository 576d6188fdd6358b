package at.alma.mentoring.member;

import java.util.Optional;

import at.alma.mentoring.notification.MailRecipients;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * No mail for a member who is suspended, nor for an address that no longer has an account
 * (every mail goes to a member), at the moment it is sent.
 */
@Component
class SuspendedRecipients implements MailRecipients {

	static final String SUSPENDED = "RECIPIENT_SUSPENDED";

	static final String UNKNOWN = "RECIPIENT_UNKNOWN";

	private final Members members;

	SuspendedRecipients(Members members) {
		this.members = members;
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<String> refusal(String email) {
		return this.members.findByEmail(Member.normalizeEmail(email))
			.map((member) -> member.isSuspended() ? Optional.of(SUSPENDED) : Optional.<String>empty())
			.orElse(Optional.of(UNKNOWN));
	}

}
