package at.alma.mentoring.member;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How many failed sign-ins an account and a client address get before they are refused
 * for a while.
 *
 * @param failuresPerAccount failed attempts for one e-mail address (known or not) before
 * {@code TOO_MANY_SIGN_IN_ATTEMPTS}
 * @param failuresPerAddress failed attempts from one client address, whatever the account
 * @param window the time in which a full allowance comes back, a share at a time
 */
@ConfigurationProperties("mentoring.sign-in-throttle")
record SignInThrottleSettings(@DefaultValue("5") int failuresPerAccount, @DefaultValue("30") int failuresPerAddress,
		@DefaultValue("PT15M") Duration window) {

}
