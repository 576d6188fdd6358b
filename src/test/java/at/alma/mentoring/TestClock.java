package at.alma.mentoring;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The one clock fixture of the tests: moves the application's {@link Clock} and Camunda's
 * {@link ClockUtil} together, and goes back to real time on {@link #reset()} (ClockUtil
 * is static and would leak into other tests).
 */
public final class TestClock extends Clock {

	private volatile Instant fixed;

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		throw new UnsupportedOperationException();
	}

	/**
	 * Real time ticks in whole seconds, as the application's clock
	 * ({@code platform.ClockConfiguration}); a time a test set is that time exactly.
	 */
	@Override
	public Instant instant() {
		Instant now = this.fixed;
		return (now != null) ? now : Instant.now().truncatedTo(ChronoUnit.SECONDS);
	}

	/** Stops time at {@code instant} for the application and the engine. */
	public void setTo(Instant instant) {
		this.fixed = instant;
		ClockUtil.setCurrentTime(Date.from(instant));
	}

	public void advance(Duration duration) {
		setTo(instant().plus(duration));
	}

	public void reset() {
		this.fixed = null;
		ClockUtil.reset();
	}

}
