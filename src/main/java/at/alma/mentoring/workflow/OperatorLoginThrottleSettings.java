package at.alma.mentoring.workflow;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How many wrong passwords one client address may send to Camunda ({@code /engine-rest}
 * with HTTP Basic, the webapps' login) before it is refused for a while.
 *
 * @param failuresPerAddress wrong passwords (or unknown user ids) from one client address
 * before its attempts are answered 429
 * @param window the time in which a full allowance comes back, a share at a time
 */
@ConfigurationProperties("mentoring.operator-login-throttle")
record OperatorLoginThrottleSettings(@DefaultValue("10") int failuresPerAddress,
		@DefaultValue("PT15M") Duration window) {

}
