package at.alma.mentoring.member;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

record SignInInput(@NotNull @Size(max = 254) String email, @NotNull @Size(max = 128) String password) {
}
