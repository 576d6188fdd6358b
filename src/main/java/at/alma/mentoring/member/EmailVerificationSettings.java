package at.alma.mentoring.member;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Verifying e-mail addresses (sign-up, {@code changeEmail}).
 *
 * @param tokenLifetime how long the link in a verification mail works (once)
 * @param requestsPerMember verification mails ({@code requestEmailVerification},
 * {@code changeEmail}) one member may cause within the window, before
 * {@code TOO_MANY_VERIFICATION_REQUESTS}
 * @param requestsPerClient the same from one client address
 * @param window the time in which a full allowance comes back, a share at a time
 */
@ConfigurationProperties("mentoring.email-verification")
record EmailVerificationSettings(@DefaultValue("PT48H") Duration tokenLifetime,
		@DefaultValue("5") int requestsPerMember, @DefaultValue("20") int requestsPerClient,
		@DefaultValue("PT1H") Duration window) {

}
