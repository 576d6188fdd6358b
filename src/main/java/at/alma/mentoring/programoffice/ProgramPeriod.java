package at.alma.mentoring.programoffice;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import at.alma.mentoring.platform.InvalidInputException;

/**
 * A reporting period of whole days, {@code from} to {@code to} inclusive, in UTC: the
 * instants {@code [from 00:00Z, to + 1 day 00:00Z)}.
 */
record ProgramPeriod(LocalDate from, LocalDate to) {

	static final int MAX_YEARS = 5;

	/**
	 * @throws InvalidInputException {@code PERIOD_REVERSED} when {@code to} is before
	 * {@code from}, {@code PERIOD_TOO_LONG} beyond five years
	 */
	ProgramPeriod {
		if (from == null || to == null) {
			throw new InvalidInputException((from == null) ? "from" : "to", "A period needs from and to");
		}
		if (to.isBefore(from)) {
			throw new InvalidInputException("to", "PERIOD_REVERSED", "to is before from");
		}
		if (to.isAfter(from.plusYears(MAX_YEARS))) {
			throw new InvalidInputException("to", "PERIOD_TOO_LONG",
					"A period is at most " + MAX_YEARS + " years long");
		}
	}

	Instant start() {
		return this.from.atStartOfDay(ZoneOffset.UTC).toInstant();
	}

	/** The first instant after the period. */
	Instant end() {
		return this.to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
	}

}
