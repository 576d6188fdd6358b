package at.alma.mentoring.mentorship;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The agreement in force against what happened, at one moment: which
 * {@link AgreementDrift} holds and since when. The period runs from the start of its
 * first day to the end of its last day, in UTC like {@code progress.periodDaysElapsed}.
 * Nothing before the first approval or after the mentorship ended.
 *
 * @param drift the condition that holds
 * @param since when it began: never before the approval of the version in force
 */
record DriftState(AgreementDrift drift, Instant since) {

	static DriftState of(MentorshipStatus status, Agreed agreed, int held, Instant lastHeldAt, Instant now,
			Duration warnBefore) {
		if (status != MentorshipStatus.ACTIVE || agreed == null) {
			return null;
		}
		Instant start = startOf(agreed.periodStart());
		Instant end = startOf(agreed.periodEnd().plusDays(1));
		Instant approved = agreed.approvedAt();
		if (!now.isBefore(end)) {
			return new DriftState(AgreementDrift.PERIOD_OVER, latest(end, approved));
		}
		if (held > agreed.meetings()) {
			return new DriftState(AgreementDrift.AHEAD, latest(approved, lastHeldAt));
		}
		Instant warnFrom = end.minus(warnBefore);
		if (held < agreed.meetings() && !now.isBefore(warnFrom)) {
			return new DriftState(AgreementDrift.PERIOD_ENDING, latest(warnFrom, approved));
		}
		long total = Duration.between(start, end).toSeconds();
		long elapsed = Duration.between(start, now).toSeconds();
		if (elapsed > 0 && total > 0 && (long) agreed.meetings() * elapsed / total > held) {
			// the moment the expectation first exceeded the meetings held
			long behindAfter = ceilDiv((long) (held + 1) * total, agreed.meetings());
			return new DriftState(AgreementDrift.BEHIND, latest(start.plusSeconds(behindAfter), approved));
		}
		return new DriftState(AgreementDrift.ON_TRACK, latest(approved, lastHeldAt));
	}

	private static Instant startOf(LocalDate day) {
		return day.atStartOfDay(ZoneOffset.UTC).toInstant();
	}

	private static long ceilDiv(long a, long b) {
		return -Math.floorDiv(-a, b);
	}

	private static Instant latest(Instant a, Instant b) {
		if (a == null) {
			return b;
		}
		return (b == null || a.isAfter(b)) ? a : b;
	}

	/** The terms of the version in force that drift is measured against. */
	record Agreed(int version, LocalDate periodStart, LocalDate periodEnd, int meetings, Instant approvedAt) {
	}

}
