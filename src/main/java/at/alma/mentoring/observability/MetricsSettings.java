package at.alma.mentoring.observability;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The business gauges.
 *
 * @param gaugeCache how long one query's answer serves the gauges before the next scrape
 * reads the database again
 */
@ConfigurationProperties("mentoring.metrics")
record MetricsSettings(@DefaultValue("PT15S") Duration gaugeCache) {
}
