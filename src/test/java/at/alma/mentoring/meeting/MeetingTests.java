package at.alma.mentoring.meeting;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import at.alma.mentoring.platform.DomainException;
import at.alma.mentoring.platform.InvalidInputException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The rules {@link Meeting} guards, without a server: who may act, in which state, and
 * when (against a fixed clock).
 */
class MeetingTests {

	private static final Instant NOW = Instant.parse("2027-03-01T09:00:00Z");

	private static final Instant START = Instant.parse("2027-03-10T10:00:00Z");

	private final Clock clock = at(NOW);

	private final UUID mentorship = UUID.randomUUID();

	private final UUID mentee = UUID.randomUUID();

	private final UUID mentor = UUID.randomUUID();

	private final UUID stranger = UUID.randomUUID();

	@Test
	void aProposalOffersOneToFiveTimesInTheFuture() {
		Meeting meeting = proposed(slot(START), slot(START.plus(Duration.ofDays(1))));
		assertThat(meeting.getStatus()).isEqualTo(MeetingStatus.PROPOSED);
		assertThat(meeting.getSlots()).hasSize(2);
		assertThat(meeting.getProposalRound()).isEqualTo(1);
		assertThat(meeting.getProposedAt()).isEqualTo(NOW);

		invalid(() -> proposed(), "input.slots");
		invalid(() -> proposed(Collections.nCopies(Meeting.MAX_SLOTS + 1, slot(START)).toArray(Slot[]::new)),
				"input.slots");
		invalid(() -> proposed(slot(START), slot(NOW)), "input.slots[1].start");
		invalid(() -> proposed(slot(NOW.minusSeconds(1))), "input.slots[0].start");
	}

	@Test
	void theMentorPicksAProposedTime() {
		Meeting meeting = proposed(slot(START), slot(START.plus(Duration.ofDays(1))));
		meeting.schedule(this.mentor, 1, this.clock);
		assertThat(meeting.getStatus()).isEqualTo(MeetingStatus.SCHEDULED);
		assertThat(meeting.getScheduled().getStartsAt()).isEqualTo(START.plus(Duration.ofDays(1)));
		assertThat(meeting.getInvitationSequence()).isZero();
	}

	@Test
	void onlyTheMentorSchedulesAndOnlyAProposal() {
		Meeting meeting = proposed(slot(START));
		refused(() -> meeting.schedule(this.stranger, 0, this.clock), "NOT_FOUND");
		refused(() -> meeting.schedule(this.mentee, 0, this.clock), "NOT_YOUR_TURN");
		invalid(() -> meeting.schedule(this.mentor, 1, this.clock), "input.slot");
		invalid(() -> meeting.schedule(this.mentor, -1, this.clock), "input.slot");
		assertThat(meeting.getStatus()).isEqualTo(MeetingStatus.PROPOSED);

		meeting.schedule(this.mentor, 0, this.clock);
		refused(() -> meeting.schedule(this.mentor, 0, this.clock), "WRONG_STATE");
	}

	@Test
	void aTimeThatHasComeCannotBePicked() {
		Meeting meeting = proposed(slot(START));
		refused(() -> meeting.schedule(this.mentor, 0, at(START)), "SLOT_IN_PAST");
		assertThat(meeting.getStatus()).isEqualTo(MeetingStatus.PROPOSED);
		assertThat(meeting.getScheduled()).isNull();
	}

	@Test
	void theMentorDeclinesAProposalWithAMessage() {
		Meeting meeting = proposed(slot(START));
		refused(() -> meeting.decline(this.stranger, "no"), "NOT_FOUND");
		refused(() -> meeting.decline(this.mentee, "no"), "NOT_YOUR_TURN");
		meeting.decline(this.mentor, "Not this month");
		assertThat(meeting.getStatus()).isEqualTo(MeetingStatus.DECLINED);
		assertThat(meeting.getDeclineMessage()).isEqualTo("Not this month");
		refused(() -> meeting.decline(this.mentor, "again"), "WRONG_STATE");
		refused(() -> meeting.schedule(this.mentor, 0, this.clock), "WRONG_STATE");
	}

	@Test
	void eitherSideMovesAScheduledMeetingAndTheInvitationIsUpdated() {
		Meeting meeting = scheduled();
		Instant later = START.plus(Duration.ofDays(7));
		meeting.reschedule(this.mentee, List.of(slot(later)), this.clock);
		assertThat(meeting.getStatus()).isEqualTo(MeetingStatus.PROPOSED);
		assertThat(meeting.getSlots()).extracting(Slot::getStartsAt).containsExactly(later);
		assertThat(meeting.getProposalRound()).isEqualTo(2);

		meeting.schedule(this.mentor, 0, this.clock);
		assertThat(meeting.getScheduled().getStartsAt()).isEqualTo(later);
		assertThat(meeting.getInvitationSequence()).isEqualTo(1);

		meeting.reschedule(this.mentor, List.of(slot(START)), this.clock);
		assertThat(meeting.getStatus()).isEqualTo(MeetingStatus.PROPOSED);
	}

	@Test
	void onlyAScheduledMeetingThatHasNotBegunIsMoved() {
		refused(() -> proposed(slot(START)).reschedule(this.mentee, List.of(slot(START)), this.clock), "WRONG_STATE");
		Meeting meeting = scheduled();
		refused(() -> meeting.reschedule(this.stranger, List.of(slot(START)), this.clock), "NOT_FOUND");
		invalid(() -> meeting.reschedule(this.mentee, List.of(), this.clock), "input.slots");
		refused(() -> meeting.reschedule(this.mentee, List.of(slot(START.plus(Duration.ofDays(1)))), at(START)),
				"MEETING_STARTED");
		assertThat(meeting.getStatus()).isEqualTo(MeetingStatus.SCHEDULED);
		assertThat(meeting.getProposalRound()).isEqualTo(1);
	}

	@Test
	void eitherSideCancelsAScheduledMeetingBeforeItBegins() {
		Meeting meeting = scheduled();
		refused(() -> meeting.cancel(this.stranger, "ill", this.clock), "NOT_FOUND");
		refused(() -> meeting.cancel(this.mentee, "ill", at(START)), "MEETING_STARTED");
		assertThat(meeting.getStatus()).isEqualTo(MeetingStatus.SCHEDULED);

		meeting.cancel(this.mentee, "ill", at(START.minusSeconds(1)));
		assertThat(meeting.getStatus()).isEqualTo(MeetingStatus.CANCELLED);
		assertThat(meeting.getCancelReason()).isEqualTo("ill");
		assertThat(meeting.getCancelledBy()).isEqualTo(this.mentee);
		assertThat(meeting.getInvitationSequence()).isEqualTo(1);
		refused(() -> meeting.cancel(this.mentor, "again", this.clock), "WRONG_STATE");
		refused(() -> proposed(slot(START)).cancel(this.mentor, "ill", this.clock), "WRONG_STATE");
	}

	@Test
	void theEndOfTheMentorshipCancelsAndTellsWhetherCalendarsNeedACancellation() {
		Meeting scheduled = scheduled();
		assertThat(scheduled.endWithMentorship("completed", this.clock)).isEqualTo(Meeting.Ending.CANCELLED_INVITATION);
		assertThat(scheduled.getStatus()).isEqualTo(MeetingStatus.CANCELLED);
		assertThat(scheduled.getCancelReason()).isEqualTo("completed");
		assertThat(scheduled.getInvitationSequence()).isEqualTo(1);

		Meeting proposal = proposed(slot(START));
		assertThat(proposal.endWithMentorship("terminated", this.clock)).isEqualTo(Meeting.Ending.CANCELLED_PROPOSAL);
		assertThat(proposal.getStatus()).isEqualTo(MeetingStatus.CANCELLED);
		assertThat(proposal.getInvitationSequence()).isZero();

		Meeting begun = scheduled();
		assertThat(begun.endWithMentorship("terminated", at(START.plus(Duration.ofHours(1)))))
			.isEqualTo(Meeting.Ending.UNCONFIRMED);
		assertThat(begun.getStatus()).isEqualTo(MeetingStatus.UNCONFIRMED);
		assertThat(begun.getCancelReason()).isNull();
		assertThat(begun.getInvitationSequence()).isZero();
	}

	@Test
	void aReportAfterTheStartIsNotHeldBeforeTheMenteesConfirmationAndDisputedAfterIt() {
		Clock after = at(START.plus(Duration.ofHours(2)));
		Meeting early = scheduled();
		refused(() -> early.reportNotHeldBy(this.mentee, "too early", this.clock), "MEETING_NOT_YET");
		assertThat(early.reportNotHeldBy(this.mentor, "no show", after)).isEqualTo(MeetingStatus.NOT_HELD);
		refused(() -> early.reportNotHeldBy(this.mentor, "again", after), "ALREADY_REPORTED");
		refused(() -> early.reportNotHeldBy(this.mentee, "me too", after), "WRONG_STATE");

		Meeting contradicted = scheduled();
		contradicted.confirmHeldBy(this.mentee, after);
		assertThat(contradicted.reportNotHeldBy(this.mentor, "no", after)).isEqualTo(MeetingStatus.DISPUTED);
		refused(() -> contradicted.reportNotHeldBy(this.mentor, "again", after), "ALREADY_REPORTED");
		refused(() -> contradicted.confirmHeldBy(this.mentor, after), "WRONG_STATE");
		assertThat(contradicted.reportNotHeldBy(this.mentee, "right", after)).isEqualTo(MeetingStatus.NOT_HELD);
		assertThat(contradicted.getConfirmationWithdrawnAt()).isEqualTo(after.instant());
		assertThat(contradicted.getWithdrawalReason()).isEqualTo("right");

		Meeting retracted = scheduled();
		retracted.confirmHeldBy(this.mentee, after);
		assertThat(retracted.reportNotHeldBy(this.mentee, "oops", after)).isEqualTo(MeetingStatus.NOT_HELD);

		Meeting held = scheduled();
		held.confirmHeldBy(this.mentee, after);
		held.confirmHeldBy(this.mentor, after);
		refused(() -> held.reportNotHeldBy(this.mentor, "late", after), "WRONG_STATE");
		assertThat(held.lapse(after)).isFalse();
	}

	@Test
	void onlyADisputeIsResolvedAndADisputeOrOpenConfirmationLapses() {
		Clock after = at(START.plus(Duration.ofHours(2)));
		UUID admin = UUID.randomUUID();
		Meeting open = scheduled();
		refused(() -> open.resolveDispute(admin, MeetingStatus.HELD, "why", after), "WRONG_STATE");
		assertThat(open.lapse(after)).isTrue();
		assertThat(open.getStatus()).isEqualTo(MeetingStatus.UNCONFIRMED);
		assertThat(open.lapse(after)).isFalse();

		Meeting disputed = scheduled();
		disputed.confirmHeldBy(this.mentee, after);
		disputed.reportNotHeldBy(this.mentor, "no", after);
		disputed.resolveDispute(admin, MeetingStatus.HELD, "calendar", after);
		assertThat(disputed.getStatus()).isEqualTo(MeetingStatus.HELD);
		assertThat(disputed.getDisputeResolvedBy()).isEqualTo(admin);
		assertThat(disputed.getDisputeResolutionReason()).isEqualTo("calendar");
	}

	@Test
	void theMenteeConfirmsFirstThenTheMentorAndTheMeetingIsHeld() {
		Meeting meeting = scheduled();
		Clock after = at(START.plus(Duration.ofHours(2)));
		assertThat(meeting.confirmHeldBy(this.mentee, after)).isFalse();
		assertThat(meeting.getMenteeConfirmedAt()).isEqualTo(after.instant());
		assertThat(meeting.getStatus()).isEqualTo(MeetingStatus.SCHEDULED);

		assertThat(meeting.confirmHeldBy(this.mentor, after)).isTrue();
		assertThat(meeting.getMentorConfirmedAt()).isEqualTo(after.instant());
		assertThat(meeting.getStatus()).isEqualTo(MeetingStatus.HELD);
	}

	@Test
	void aMeetingIsConfirmedOnceItBegan() {
		Meeting meeting = scheduled();
		refused(() -> meeting.confirmHeldBy(this.mentee, at(START.minusSeconds(1))), "MEETING_NOT_YET");
		assertThat(meeting.getMenteeConfirmedAt()).isNull();
		assertThat(meeting.confirmHeldBy(this.mentee, at(START))).isFalse();
	}

	@Test
	void confirmationsKeepTheirOrderAndAreGivenOnce() {
		Meeting meeting = scheduled();
		Clock after = at(START.plus(Duration.ofHours(2)));
		refused(() -> meeting.confirmHeldBy(this.stranger, after), "NOT_FOUND");
		refused(() -> meeting.confirmHeldBy(this.mentor, after), "NOT_YOUR_TURN");
		assertThat(meeting.getMentorConfirmedAt()).isNull();

		meeting.confirmHeldBy(this.mentee, after);
		refused(() -> meeting.confirmHeldBy(this.mentee, after), "ALREADY_CONFIRMED");
		meeting.confirmHeldBy(this.mentor, after);
		refused(() -> meeting.confirmHeldBy(this.mentor, after), "ALREADY_CONFIRMED");
		refused(() -> meeting.confirmHeldBy(this.mentee, after), "ALREADY_CONFIRMED");
	}

	@Test
	void onlyAScheduledMeetingIsConfirmed() {
		Clock after = at(START.plus(Duration.ofHours(2)));
		refused(() -> proposed(slot(START)).confirmHeldBy(this.mentee, after), "WRONG_STATE");
		Meeting cancelled = scheduled();
		cancelled.cancel(this.mentor, "ill", this.clock);
		refused(() -> cancelled.confirmHeldBy(this.mentee, after), "WRONG_STATE");
	}

	@Test
	void participantsAreMenteeAndMentor() {
		Meeting meeting = proposed(slot(START));
		assertThat(meeting.isParticipant(this.mentee)).isTrue();
		assertThat(meeting.isParticipant(this.mentor)).isTrue();
		assertThat(meeting.isParticipant(this.stranger)).isFalse();
	}

	private Meeting proposed(Slot... slots) {
		return new Meeting(this.mentorship, this.mentee, this.mentor, List.of(slots), false, this.clock);
	}

	private Meeting scheduled() {
		Meeting meeting = proposed(slot(START));
		meeting.schedule(this.mentor, 0, this.clock);
		return meeting;
	}

	private static Slot slot(Instant start) {
		return new Slot(start, 60, MeetingKind.VIDEO, null, "https://meet.example.org/alma", "input.slots[0]");
	}

	private static Clock at(Instant instant) {
		return Clock.fixed(instant, ZoneOffset.UTC);
	}

	private static void refused(ThrowingCallable call, String code) {
		assertThatThrownBy(call).isInstanceOf(DomainException.class).extracting("code").isEqualTo(code);
	}

	private static void invalid(ThrowingCallable call, String field) {
		assertThatThrownBy(call).isInstanceOf(InvalidInputException.class).extracting("field").isEqualTo(field);
	}

}
