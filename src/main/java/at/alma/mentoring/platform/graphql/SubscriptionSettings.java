package at.alma.mentoring.platform.graphql;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How many subscriptions may stream at once; each gets every message of its topic, so
 * without a cap one socket could multiply a message by hundreds.
 *
 * @param perConnection on one WebSocket
 * @param perMember of one member over all their connections to this node
 */
@ConfigurationProperties("mentoring.graphql.subscriptions")
record SubscriptionSettings(@DefaultValue("10") int perConnection, @DefaultValue("20") int perMember) {

}
