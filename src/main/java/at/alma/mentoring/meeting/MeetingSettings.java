package at.alma.mentoring.meeting;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param confirmReminderAfter when whoever has not confirmed a past meeting is reminded
 * @param feedBaseUrl the public base URL of this server, for calendar feed links
 */
@ConfigurationProperties("mentoring.meeting")
record MeetingSettings(@DefaultValue("P2D") Duration confirmReminderAfter,
		@DefaultValue("http://localhost:8080") String feedBaseUrl) {
}
