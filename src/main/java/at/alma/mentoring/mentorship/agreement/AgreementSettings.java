package at.alma.mentoring.mentorship.agreement;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The agreement's timer, among the mentorship's settings
 * ({@code mentoring.mentorship.agreement-reminder-after}).
 *
 * @param agreementReminderAfter when the mentor is reminded of an agreement waiting for
 * approval
 */
@ConfigurationProperties("mentoring.mentorship")
record AgreementSettings(@DefaultValue("P3D") Duration agreementReminderAfter) {
}
