package at.alma.mentoring.notification;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Outgoing mail.
 *
 * @param from the sender address
 * @param frontendUrl base URL of the web frontend; links in mails point there
 * @param messageIdDomain right-hand side of the Message-IDs this server creates
 * @param healthCheckInterval how old the last SMTP check in {@code /actuator/health} may
 * be before the next call starts a new one
 */
@ConfigurationProperties("mentoring.mail")
public record MailSettings(@DefaultValue("alma Mentoring <noreply@alma-mentoring.local>") String from,
		@DefaultValue("http://localhost:5173") String frontendUrl,
		@DefaultValue("alma-mentoring.local") String messageIdDomain,
		@DefaultValue("PT30S") Duration healthCheckInterval) {
}
