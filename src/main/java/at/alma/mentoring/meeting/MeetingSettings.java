package at.alma.mentoring.meeting;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param confirmReminderAfter when whoever has not confirmed a past meeting is reminded
 * @param confirmLapsesAfter how long after its start a meeting waits for both
 * confirmations before it is UNCONFIRMED
 * @param disputeReminderAfter when the admins are reminded of a disputed meeting
 * @param disputeLapsesAfter how long a dispute waits for an admin before the meeting is
 * UNCONFIRMED
 * @param feedBaseUrl the public base URL of this server, for calendar feed links
 */
@ConfigurationProperties("mentoring.meeting")
record MeetingSettings(@DefaultValue("P2D") Duration confirmReminderAfter,
		@DefaultValue("P14D") Duration confirmLapsesAfter, @DefaultValue("P3D") Duration disputeReminderAfter,
		@DefaultValue("P30D") Duration disputeLapsesAfter, @DefaultValue("http://localhost:8080") String feedBaseUrl) {
}
