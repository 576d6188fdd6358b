package at.alma.mentoring.member;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How many sign-ups one client address gets before it is refused for a while.
 *
 * @param perAddress sign-ups from one client address, successful or not, before
 * {@code TOO_MANY_SIGN_UPS}; people behind one NAT (a campus, an event) share it
 * @param window the time in which a full allowance comes back, a share at a time
 */
@ConfigurationProperties("mentoring.sign-up-throttle")
record SignUpThrottleSettings(@DefaultValue("50") int perAddress, @DefaultValue("PT1H") Duration window) {

}
