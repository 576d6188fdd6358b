package at.alma.mentoring.chat;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The chat.
 *
 * @param digestAfter how long a message stays unread before its reader gets a digest mail
 * @param digestBatchSize how many digests one run of the digest job sends at most (the
 * next run takes the rest)
 * @param livePollInterval how often a node with live subscriptions looks for messages
 * sent through other nodes (a message sent through the same node arrives at once)
 */
@ConfigurationProperties("mentoring.chat")
record ChatSettings(@DefaultValue("P1D") Duration digestAfter, @DefaultValue("500") int digestBatchSize,
		@DefaultValue("PT1S") Duration livePollInterval) {
}
