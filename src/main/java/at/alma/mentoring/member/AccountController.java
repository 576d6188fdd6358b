package at.alma.mentoring.member;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import graphql.GraphQLContext;
import jakarta.validation.Valid;

import at.alma.mentoring.member.AccountInputs.ChangeEmailInput;
import at.alma.mentoring.member.AccountInputs.ChangePasswordInput;
import at.alma.mentoring.member.AccountInputs.DeleteMyAccountInput;
import at.alma.mentoring.member.AccountInputs.ReactivateMemberInput;
import at.alma.mentoring.member.AccountInputs.RequestPasswordResetInput;
import at.alma.mentoring.member.AccountInputs.ResetPasswordInput;
import at.alma.mentoring.member.AccountInputs.SuspendMemberInput;
import at.alma.mentoring.member.AccountInputs.VerifyEmailInput;
import at.alma.mentoring.member.MemberController.AuthPayload;
import at.alma.mentoring.platform.ClientAddress;
import at.alma.mentoring.platform.CurrentMember;
import at.alma.mentoring.platform.DomainException;
import at.alma.mentoring.platform.InvalidInputException;
import at.alma.mentoring.platform.Paging;
import at.alma.mentoring.member.AccountView.AccountStatus;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.data.domain.Window;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.stereotype.Controller;

/**
 * Password change and reset; suspension, the member search and the admin actions for
 * admins (account.graphqls).
 */
@Controller
class AccountController {

	private final Passwords passwords;

	private final CurrentMember currentMember;

	private final SignInThrottle signInThrottle;

	private final PasswordResetThrottle resetThrottle;

	private final PasswordResetSettings resetSettings;

	private final Suspensions suspensions;

	private final AdminQueries adminQueries;

	private final EmailVerifications verifications;

	private final EmailVerificationThrottle verificationThrottle;

	private final AccountDeletion deletion;

	AccountController(Passwords passwords, CurrentMember currentMember, SignInThrottle signInThrottle,
			PasswordResetThrottle resetThrottle, PasswordResetSettings resetSettings, Suspensions suspensions,
			AdminQueries adminQueries, EmailVerifications verifications, EmailVerificationThrottle verificationThrottle,
			AccountDeletion deletion) {
		this.deletion = deletion;
		this.verifications = verifications;
		this.verificationThrottle = verificationThrottle;
		this.suspensions = suspensions;
		this.adminQueries = adminQueries;
		this.passwords = passwords;
		this.currentMember = currentMember;
		this.signInThrottle = signInThrottle;
		this.resetThrottle = resetThrottle;
		this.resetSettings = resetSettings;
	}

	@MutationMapping
	AuthPayload changePassword(@Argument @Valid ChangePasswordInput input, GraphQLContext context) {
		String client = ClientAddress.of(context);
		return AuthPayload.of(this.passwords.change(this.currentMember.id(), input,
				(email, check) -> this.signInThrottle.attempt(email, client, check)));
	}

	@MutationMapping
	RequestPasswordResetPayload requestPasswordReset(@Argument @Valid RequestPasswordResetInput input,
			GraphQLContext context) {
		long started = System.nanoTime();
		this.resetThrottle.request(input.email(), ClientAddress.of(context));
		this.passwords.requestReset(input.email());
		padTo(this.resetSettings.answerTime(), started);
		return new RequestPasswordResetPayload(true);
	}

	@MutationMapping
	AuthPayload resetPassword(@Argument @Valid ResetPasswordInput input, GraphQLContext context) {
		return AuthPayload.of(this.resetThrottle.attempt(ClientAddress.of(context), () -> this.passwords.reset(input)));
	}

	@MutationMapping
	VerifyEmailPayload verifyEmail(@Argument @Valid VerifyEmailInput input) {
		this.verifications.verify(input.token());
		return new VerifyEmailPayload(true);
	}

	@MutationMapping
	RequestEmailVerificationPayload requestEmailVerification(GraphQLContext context) {
		UUID me = this.currentMember.id();
		this.verificationThrottle.request(me, ClientAddress.of(context));
		this.verifications.resend(me);
		return new RequestEmailVerificationPayload(true);
	}

	@MutationMapping
	ChangeEmailPayload changeEmail(@Argument @Valid ChangeEmailInput input, GraphQLContext context) {
		UUID me = this.currentMember.id();
		String client = ClientAddress.of(context);
		this.verificationThrottle.request(me, client);
		return new ChangeEmailPayload(this.verifications.change(me, input.newEmail(), input.password(),
				(email, check) -> this.signInThrottle.attempt(email, client, check)));
	}

	@MutationMapping
	DeleteMyAccountPayload deleteMyAccount(@Argument @Valid DeleteMyAccountInput input, GraphQLContext context) {
		UUID me = this.currentMember.id();
		String client = ClientAddress.of(context);
		this.deletion.delete(me, input.password(), (email, check) -> this.signInThrottle.attempt(email, client, check));
		return new DeleteMyAccountPayload(true);
	}

	@MutationMapping
	MemberAccountPayload suspendMember(@Argument @Valid SuspendMemberInput input) {
		UUID admin = requireAdmin();
		return new MemberAccountPayload(this.suspensions.suspend(admin, input.memberId(), input.reason()));
	}

	@MutationMapping
	MemberAccountPayload reactivateMember(@Argument @Valid ReactivateMemberInput input) {
		UUID admin = requireAdmin();
		return new MemberAccountPayload(this.suspensions.reactivate(admin, input.memberId()));
	}

	/**
	 * For admins: members by name or e-mail; who asks is checked before the page size.
	 */
	@QueryMapping
	Window<AccountView> members(@Argument String search, @Argument Role role, @Argument AccountStatus status,
			ScrollSubrange subrange) {
		requireAdmin();
		if (search != null && search.length() > 254) {
			throw new InvalidInputException("search", "search may have at most 254 characters");
		}
		return this.adminQueries.members(search, role, status, Paging.limit(subrange), Paging.position(subrange));
	}

	/** For admins: every admin action, newest first. */
	@QueryMapping
	Window<AdminActionView> adminActions(ScrollSubrange subrange) {
		requireAdmin();
		return this.adminQueries.actions(Paging.limit(subrange), Paging.position(subrange));
	}

	private UUID requireAdmin() {
		UUID caller = this.currentMember.id();
		if (!this.currentMember.isAdmin()) {
			throw DomainException.forbidden("Only admins manage accounts");
		}
		return caller;
	}

	/**
	 * Waits out the rest of {@code answerTime}: an address with an account costs an
	 * insert and a mail job more than one without, and the answer must not tell them
	 * apart. Outside the transaction, so no connection is held while waiting.
	 */
	private static void padTo(Duration answerTime, long started) {
		long left = answerTime.toNanos() - (System.nanoTime() - started);
		if (left > 0) {
			try {
				TimeUnit.NANOSECONDS.sleep(left);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	record RequestPasswordResetPayload(boolean requested) {
	}

	record MemberAccountPayload(AccountView member) {
	}

	record VerifyEmailPayload(boolean verified) {
	}

	record RequestEmailVerificationPayload(boolean requested) {
	}

	record ChangeEmailPayload(Profile me) {
	}

	record DeleteMyAccountPayload(boolean deleted) {
	}

}
