package at.alma.mentoring.meeting;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import at.alma.mentoring.mentorship.AgreementDrift;
import at.alma.mentoring.mentorship.MentorshipInfo;

/**
 * Planned against actual: the meetings and period of the agreement in force against the
 * meetings held (the mentorship's count) and the days passed, and the drift the
 * mentorship module computes from them.
 */
record MentorshipProgress(Integer meetingsPlanned, int meetingsHeld, boolean finalMeetingHeld, LocalDate periodStart,
		LocalDate periodEnd, Long periodDaysTotal, Long periodDaysElapsed, AgreementDrift drift, Instant driftSince) {

	static MentorshipProgress of(MentorshipInfo mentorship, List<Meeting> meetings, LocalDate today) {
		int held = mentorship.meetingsHeld();
		boolean finalHeld = meetings.stream()
			.anyMatch((meeting) -> meeting.getStatus() == MeetingStatus.HELD && meeting.isFinalMeeting());
		LocalDate from = mentorship.agreedFrom();
		LocalDate until = mentorship.agreedUntil();
		Long total = (from != null) ? ChronoUnit.DAYS.between(from, until) : null;
		Long elapsed = (from != null) ? Math.max(0, Math.min(total, ChronoUnit.DAYS.between(from, today))) : null;
		return new MentorshipProgress(mentorship.agreedMeetings(), held, finalHeld, from, until, total, elapsed,
				mentorship.drift(), mentorship.driftSince());
	}

}
