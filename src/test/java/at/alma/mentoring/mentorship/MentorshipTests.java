package at.alma.mentoring.mentorship;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.UUID;
import java.util.function.Consumer;

import at.alma.mentoring.platform.DomainException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The lifecycle {@link Mentorship} guards, without a server: every transition from the
 * one status it starts from, every other status refused with a stable code.
 */
class MentorshipTests {

	private static final Instant NOW = Instant.parse("2027-03-01T09:00:00Z");

	private static final Duration EXPIRY = Duration.ofDays(14);

	private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

	private final Clock later = Clock.fixed(NOW.plus(Duration.ofDays(2)), ZoneOffset.UTC);

	private final UUID mentee = UUID.randomUUID();

	private final UUID mentor = UUID.randomUUID();

	@Test
	void aRequestWaitsForTheMentorUntilItExpires() {
		Mentorship mentorship = Mentorship.request(this.mentee, this.mentor, "  Please mentor me ", EXPIRY, this.clock);
		assertThat(mentorship.getStatus()).isEqualTo(MentorshipStatus.REQUESTED);
		assertThat(mentorship.getRequestMessage()).isEqualTo("Please mentor me");
		assertThat(mentorship.getRequestedAt()).isEqualTo(NOW);
		assertThat(mentorship.getRequestExpiresAt()).isEqualTo(NOW.plus(EXPIRY));
		assertThat(mentorship.getId()).isNotNull();
		assertThat(Mentorship.request(this.mentee, this.mentor, " ", EXPIRY, this.clock).getRequestMessage()).isNull();
		assertThat(Mentorship.request(this.mentee, this.mentor, null, EXPIRY, this.clock).getRequestMessage()).isNull();
	}

	@Test
	void nobodyIsTheirOwnMentor() {
		refused(() -> Mentorship.request(this.mentee, this.mentee, null, EXPIRY, this.clock), "SELF_REQUEST");
	}

	@Test
	void theMentorAcceptsARequest() {
		Mentorship mentorship = in(MentorshipStatus.REQUESTED);
		mentorship.accept(this.later);
		assertThat(mentorship.getStatus()).isEqualTo(MentorshipStatus.ACCEPTED);
		assertThat(mentorship.getDecidedAt()).isEqualTo(this.later.instant());
		assertThat(mentorship.getEndedAt()).isNull();
	}

	@Test
	void theMentorDeclinesARequestWhichEndsIt() {
		Mentorship mentorship = in(MentorshipStatus.REQUESTED);
		mentorship.decline("No time this year", this.later);
		assertThat(mentorship.getStatus()).isEqualTo(MentorshipStatus.DECLINED);
		assertThat(mentorship.getDeclineMessage()).isEqualTo("No time this year");
		assertThat(mentorship.getEndedAt()).isEqualTo(this.later.instant());
		assertThat(mentorship.getDecidedAt()).isEqualTo(this.later.instant());
	}

	@Test
	void aRequestIsWithdrawnOrExpires() {
		Mentorship withdrawn = in(MentorshipStatus.REQUESTED);
		withdrawn.withdraw(this.later);
		assertThat(withdrawn.getStatus()).isEqualTo(MentorshipStatus.WITHDRAWN);
		assertThat(withdrawn.getEndedAt()).isEqualTo(this.later.instant());
		assertThat(withdrawn.getDecidedAt()).isNull();

		Mentorship expired = in(MentorshipStatus.REQUESTED);
		expired.expire(this.later);
		assertThat(expired.getStatus()).isEqualTo(MentorshipStatus.EXPIRED);
		assertThat(expired.getEndedAt()).isEqualTo(this.later.instant());
	}

	@ParameterizedTest
	@EnumSource(value = MentorshipStatus.class, names = "REQUESTED", mode = EnumSource.Mode.EXCLUDE)
	void onlyARequestIsAcceptedDeclinedWithdrawnOrExpired(MentorshipStatus status) {
		refusedInState(status, (mentorship) -> mentorship.accept(this.later));
		refusedInState(status, (mentorship) -> mentorship.decline("no", this.later));
		refusedInState(status, (mentorship) -> mentorship.withdraw(this.later));
		refusedInState(status, (mentorship) -> mentorship.expire(this.later));
	}

	@Test
	void theFirstApprovedAgreementActivatesAnAcceptedMentorship() {
		Mentorship mentorship = in(MentorshipStatus.ACCEPTED);
		mentorship.activate(this.later);
		assertThat(mentorship.getStatus()).isEqualTo(MentorshipStatus.ACTIVE);
		assertThat(mentorship.getActivatedAt()).isEqualTo(this.later.instant());
		assertThat(mentorship.getLastActivityAt()).isEqualTo(this.later.instant());
	}

	@ParameterizedTest
	@EnumSource(value = MentorshipStatus.class, names = "ACCEPTED", mode = EnumSource.Mode.EXCLUDE)
	void onlyAnAcceptedMentorshipIsActivated(MentorshipStatus status) {
		refusedInState(status, (mentorship) -> mentorship.activate(this.later));
	}

	@Test
	void eitherSideProposesToCloseAndTheOtherConfirms() {
		Mentorship mentorship = in(MentorshipStatus.ACTIVE);
		mentorship.proposeClosure(this.mentor, this.clock);
		assertThat(mentorship.getClosureProposedBy()).isEqualTo(this.mentor);
		assertThat(mentorship.getClosureProposedAt()).isEqualTo(NOW);
		assertThat(mentorship.getClosureRound()).isEqualTo(1);

		mentorship.confirmClosure(this.mentee, this.later);
		assertThat(mentorship.getStatus()).isEqualTo(MentorshipStatus.COMPLETED);
		assertThat(mentorship.getEndedAt()).isEqualTo(this.later.instant());
	}

	@Test
	void oneProposalToCloseAtATime() {
		Mentorship mentorship = in(MentorshipStatus.ACTIVE);
		mentorship.proposeClosure(this.mentee, this.clock);
		refused(() -> mentorship.proposeClosure(this.mentor, this.later), "CLOSURE_PENDING");
		assertThat(mentorship.getClosureProposedBy()).isEqualTo(this.mentee);
		assertThat(mentorship.getClosureRound()).isEqualTo(1);
	}

	@Test
	void theProposerDoesNotAnswerTheirOwnProposal() {
		Mentorship mentorship = in(MentorshipStatus.ACTIVE);
		refused(() -> mentorship.confirmClosure(this.mentee, this.later), "NO_CLOSURE_PROPOSED");
		refused(() -> mentorship.declineClosure(this.mentee, "no"), "NO_CLOSURE_PROPOSED");
		mentorship.proposeClosure(this.mentee, this.clock);
		refused(() -> mentorship.confirmClosure(this.mentee, this.later), "NOT_YOUR_TURN");
		refused(() -> mentorship.declineClosure(this.mentee, "no"), "NOT_YOUR_TURN");
		assertThat(mentorship.getStatus()).isEqualTo(MentorshipStatus.ACTIVE);
		assertThat(mentorship.getClosureProposedBy()).isEqualTo(this.mentee);
	}

	@Test
	void aDeclinedProposalLeavesTheMentorshipActiveAndCanBeMadeAgain() {
		Mentorship mentorship = in(MentorshipStatus.ACTIVE);
		mentorship.proposeClosure(this.mentee, this.clock);
		mentorship.declineClosure(this.mentor, "One more meeting");
		assertThat(mentorship.getStatus()).isEqualTo(MentorshipStatus.ACTIVE);
		assertThat(mentorship.getClosureProposedBy()).isNull();
		assertThat(mentorship.getClosureProposedAt()).isNull();
		assertThat(mentorship.getClosureDeclineMessage()).isEqualTo("One more meeting");

		mentorship.proposeClosure(this.mentor, this.later);
		assertThat(mentorship.getClosureRound()).isEqualTo(2);
		assertThat(mentorship.getClosureDeclineMessage()).isNull();
	}

	@ParameterizedTest
	@EnumSource(value = MentorshipStatus.class, names = "ACTIVE", mode = EnumSource.Mode.EXCLUDE)
	void onlyAnActiveMentorshipIsClosed(MentorshipStatus status) {
		refusedInState(status, (mentorship) -> mentorship.proposeClosure(this.mentee, this.later));
		refusedInState(status, (mentorship) -> mentorship.confirmClosure(this.mentor, this.later));
		refusedInState(status, (mentorship) -> mentorship.declineClosure(this.mentor, "no"));
	}

	@Test
	void anUnansweredProposalLapsesWhileTheMentorshipIsActive() {
		Mentorship active = in(MentorshipStatus.ACTIVE);
		active.proposeClosure(this.mentee, this.clock);
		active.lapseClosure();
		assertThat(active.getStatus()).isEqualTo(MentorshipStatus.ACTIVE);
		assertThat(active.getClosureProposedBy()).isNull();
		assertThat(active.getClosureProposedAt()).isNull();

		Mentorship completed = in(MentorshipStatus.COMPLETED);
		completed.lapseClosure();
		assertThat(completed.getStatus()).isEqualTo(MentorshipStatus.COMPLETED);
		assertThat(completed.getClosureProposedBy()).isEqualTo(this.mentee);
	}

	@ParameterizedTest
	@EnumSource(value = MentorshipStatus.class, names = { "ACCEPTED", "ACTIVE" })
	void eitherSideEndsAnAcceptedOrActiveMentorshipEarly(MentorshipStatus status) {
		Mentorship mentorship = in(status);
		if (status == MentorshipStatus.ACTIVE) {
			mentorship.proposeClosure(this.mentor, this.clock);
		}
		mentorship.terminate(this.mentee, "Moving abroad", this.later);
		assertThat(mentorship.getStatus()).isEqualTo(MentorshipStatus.TERMINATED);
		assertThat(mentorship.getTerminatedBy()).isEqualTo(this.mentee);
		assertThat(mentorship.getTerminationReason()).isEqualTo("Moving abroad");
		assertThat(mentorship.getClosureProposedBy()).isNull();
		assertThat(mentorship.getEndedAt()).isEqualTo(this.later.instant());
	}

	@ParameterizedTest
	@EnumSource(value = MentorshipStatus.class, names = { "ACCEPTED", "ACTIVE" }, mode = EnumSource.Mode.EXCLUDE)
	void aRequestOrAnEndedMentorshipIsNotEndedEarly(MentorshipStatus status) {
		refusedInState(status, (mentorship) -> mentorship.terminate(this.mentor, "bye", this.later));
	}

	@Test
	void theOtherSideIsMentorForTheMenteeAndMenteeForTheMentor() {
		Mentorship mentorship = in(MentorshipStatus.REQUESTED);
		assertThat(mentorship.otherThan(this.mentee)).isEqualTo(this.mentor);
		assertThat(mentorship.otherThan(this.mentor)).isEqualTo(this.mentee);
		assertThat(mentorship.isParticipant(this.mentee)).isTrue();
		assertThat(mentorship.isParticipant(this.mentor)).isTrue();
		assertThat(mentorship.isParticipant(UUID.randomUUID())).isFalse();
		assertThat(mentorship.isMentee(this.mentee)).isTrue();
		assertThat(mentorship.isMentee(this.mentor)).isFalse();
		assertThat(mentorship.isMentor(this.mentor)).isTrue();
		assertThat(mentorship.isMentor(this.mentee)).isFalse();
	}

	/**
	 * The transition is refused with WRONG_STATE and leaves status, end and closure
	 * proposal as they were.
	 */
	private void refusedInState(MentorshipStatus status, Consumer<Mentorship> transition) {
		Mentorship mentorship = in(status);
		Instant endedAt = mentorship.getEndedAt();
		UUID proposedBy = mentorship.getClosureProposedBy();
		refused(() -> transition.accept(mentorship), "WRONG_STATE");
		assertThat(mentorship.getStatus()).isEqualTo(status);
		assertThat(mentorship.getEndedAt()).isEqualTo(endedAt);
		assertThat(mentorship.getClosureProposedBy()).isEqualTo(proposedBy);
	}

	/**
	 * A mentorship brought into {@code status} through its own transitions (a completed
	 * one was proposed to close by the mentee).
	 */
	private Mentorship in(MentorshipStatus status) {
		Mentorship mentorship = Mentorship.request(this.mentee, this.mentor, null, EXPIRY, this.clock);
		switch (status) {
			case REQUESTED -> {
			}
			case DECLINED -> mentorship.decline(null, this.clock);
			case WITHDRAWN -> mentorship.withdraw(this.clock);
			case EXPIRED -> mentorship.expire(this.clock);
			default -> {
				mentorship.accept(this.clock);
				if (EnumSet.of(MentorshipStatus.ACTIVE, MentorshipStatus.COMPLETED).contains(status)) {
					mentorship.activate(this.clock);
				}
				if (status == MentorshipStatus.COMPLETED) {
					mentorship.proposeClosure(this.mentee, this.clock);
					mentorship.confirmClosure(this.mentor, this.clock);
				}
				if (status == MentorshipStatus.TERMINATED) {
					mentorship.terminate(this.mentor, "bye", this.clock);
				}
			}
		}
		assertThat(mentorship.getStatus()).isEqualTo(status);
		return mentorship;
	}

	private static void refused(ThrowingCallable call, String code) {
		assertThatThrownBy(call).isInstanceOf(DomainException.class).extracting("code").isEqualTo(code);
	}

}
