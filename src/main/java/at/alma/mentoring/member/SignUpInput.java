package at.alma.mentoring.member;

import java.util.Set;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import at.alma.mentoring.platform.SingleLine;

record SignUpInput(@NotBlank @Email @Size(max = 254) String email, @NotNull @Size(max = 128) String password,
		@NotBlank @Size(max = 100) @SingleLine String firstName, @NotBlank @Size(max = 100) @SingleLine String lastName,
		@NotEmpty Set<SignUpRole> roles, Language language, @Size(max = 64) @SingleLine String timeZone) {

	/** The roles a member may choose; ADMIN is not among them. */
	enum SignUpRole {

		MENTEE, MENTOR;

		Role role() {
			return Role.valueOf(name());
		}

	}

}
