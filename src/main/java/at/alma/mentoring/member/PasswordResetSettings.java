package at.alma.mentoring.member;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Password reset by mail.
 *
 * @param tokenLifetime how long the link in a reset mail works (once)
 * @param requestsPerAccount reset mails one e-mail address (known or not) may be sent
 * within the window, before {@code TOO_MANY_RESET_REQUESTS}
 * @param requestsPerClient reset requests from one client address within the window
 * @param failuresPerClient wrong, used or expired reset tokens from one client address
 * within the window, before {@code TOO_MANY_RESET_ATTEMPTS}
 * @param window the time in which a full allowance comes back, a share at a time
 * @param answerTime {@code requestPasswordReset} answers no sooner than this, whether the
 * address has an account (a reset and a mail job written) or not (one lookup)
 */
@ConfigurationProperties("mentoring.password-reset")
record PasswordResetSettings(@DefaultValue("PT1H") Duration tokenLifetime, @DefaultValue("3") int requestsPerAccount,
		@DefaultValue("20") int requestsPerClient, @DefaultValue("20") int failuresPerClient,
		@DefaultValue("PT1H") Duration window, @DefaultValue("PT0.3S") Duration answerTime) {

}
