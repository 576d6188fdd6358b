package at.alma.mentoring.member;

import java.util.UUID;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The inputs of the account operations (account.graphqls). */
final class AccountInputs {

	private AccountInputs() {
	}

	record ChangePasswordInput(@NotNull @Size(max = 128) String currentPassword,
			@NotNull @Size(max = 128) String newPassword) {
	}

	record RequestPasswordResetInput(@NotNull @Size(max = 254) String email) {
	}

	record SuspendMemberInput(@NotNull UUID memberId, @NotNull @Size(max = 500) String reason) {
	}

	record ReactivateMemberInput(@NotNull UUID memberId) {
	}

	record VerifyEmailInput(@NotNull @Size(max = 200) String token) {
	}

	record ChangeEmailInput(@NotBlank @Email @Size(max = 254) String newEmail,
			@NotNull @Size(max = 128) String password) {
	}

	record DeleteMyAccountInput(@NotNull @Size(max = 128) String password) {
	}

	record ResetPasswordInput(@NotNull @Size(max = 200) String token, @NotNull @Size(max = 128) String newPassword) {
	}

}
