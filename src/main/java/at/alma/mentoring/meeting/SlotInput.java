package at.alma.mentoring.meeting;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

import at.alma.mentoring.platform.InvalidInputException;

/**
 * A proposed time as the API takes it: {@code start} with an offset
 * ("2027-03-22T15:00+01:00") or as local time ("2027-03-22T15:00") in the proposing
 * member's time zone. A local time the clocks skip (inside the spring-forward gap) is
 * refused rather than moved silently; one that occurs twice (autumn) is the earlier.
 */
record SlotInput(String start, Integer durationMinutes, MeetingKind kind, String place, String link) {

	Slot toSlot(ZoneId memberZone, String field) {
		if (this.start == null || this.kind == null || this.durationMinutes == null) {
			throw new InvalidInputException(field, "start, durationMinutes and kind are required");
		}
		return new Slot(parse(this.start, memberZone, field + ".start"), this.durationMinutes, this.kind, this.place,
				this.link, field);
	}

	/**
	 * Whole seconds, like every stored instant (see {@code platform.ClockConfiguration}):
	 * the start a mutation answers is the start a later read gives.
	 */
	static Instant parse(String text, ZoneId zone, String field) {
		try {
			return OffsetDateTime.parse(text).toInstant().truncatedTo(ChronoUnit.SECONDS);
		}
		catch (DateTimeException withoutOffset) {
			LocalDateTime local;
			try {
				local = LocalDateTime.parse(text);
			}
			catch (DateTimeException ex) {
				throw new InvalidInputException(field,
						"start must be an ISO date-time, e.g. 2027-03-22T15:00+01:00 or 2027-03-22T15:00");
			}
			if (zone.getRules().getValidOffsets(local).isEmpty()) {
				throw new InvalidInputException(field, text + " does not exist in " + zone.getId()
						+ " (the clocks skip it); pick another time or give an offset");
			}
			return local.atZone(zone).toInstant().truncatedTo(ChronoUnit.SECONDS);
		}
	}

}
