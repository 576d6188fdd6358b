package at.alma.mentoring.platform;

import java.time.Clock;
import java.time.ZoneOffset;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one source of "now" for domain code; tests replace it with a clock they move
 * together with Camunda's ({@code TestClock}, which ticks the same way).
 * <p>
 * It ticks in whole seconds, the precision every database keeps: the {@code mysql}
 * profile's {@code sendFractionalSeconds=false} (which Camunda needs) truncates every
 * instant to the second, H2 keeps microseconds and rounds. With whole seconds a
 * {@code DateTime} a mutation answers is the value every later read gives, on every
 * database, so a client cache sees one value per field.
 */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

	@Bean
	Clock clock() {
		return Clock.tickSeconds(ZoneOffset.UTC);
	}

}
