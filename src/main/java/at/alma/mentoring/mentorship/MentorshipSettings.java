package at.alma.mentoring.mentorship;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Rules and timers of the mentorship lifecycle.
 *
 * @param maxOpenRequestsPerMentee how many unanswered requests a mentee may have at once
 * @param requestReminderAfter when the mentor is reminded of an unanswered request
 * @param requestExpiresAfter when an unanswered request expires
 * @param requestsPerPair requests a mentee may send one mentor within
 * {@code requestWindow}, withdrawn ones included (each mails the mentor)
 * @param requestsPerMentee requests a mentee may send within {@code requestWindow}, to
 * anyone
 * @param requestWindow the window both request limits count in
 * @param driftWarnBefore how long before the agreed period's end the mentee is asked to
 * review an agreement with fewer meetings held than agreed (PERIOD_ENDING)
 * @param driftReviewReminderAfter when the mentee is reminded of an open agreement review
 * @param driftReviewLapsesAfter when an unanswered agreement review lapses (nothing is
 * decided)
 * @see at.alma.mentoring.mentorship.agreement.AgreementSettings the agreement's timer
 * under the same prefix
 */
@ConfigurationProperties("mentoring.mentorship")
record MentorshipSettings(@DefaultValue("5") int maxOpenRequestsPerMentee,
		@DefaultValue("P3D") Duration requestReminderAfter, @DefaultValue("P14D") Duration requestExpiresAfter,
		@DefaultValue("P30D") Duration inactivityAfter, @DefaultValue("P3D") Duration closureReminderAfter,
		@DefaultValue("P14D") Duration closureLapsesAfter, @DefaultValue("3") int requestsPerPair,
		@DefaultValue("10") int requestsPerMentee, @DefaultValue("P7D") Duration requestWindow,
		@DefaultValue("P21D") Duration driftWarnBefore, @DefaultValue("P7D") Duration driftReviewReminderAfter,
		@DefaultValue("P14D") Duration driftReviewLapsesAfter) {
}
