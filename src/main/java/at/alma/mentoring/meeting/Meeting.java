package at.alma.mentoring.meeting;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import at.alma.mentoring.platform.DomainException;
import at.alma.mentoring.platform.InvalidInputException;

/**
 * A meeting of a mentorship: the mentee proposes slots, the mentor picks one, and after
 * it took place the mentee and then the mentor confirm it; only then it is HELD. Guards
 * its own rules: who may do what, in which state, when.
 */
@Entity
@NamedQuery(name = "Meeting.calendarOf", query = """
		select m from Meeting m
		where (m.menteeId = :memberId or m.mentorId = :memberId)
		  and m.status in :statuses
		  and m.scheduled.startsAt < :to and m.scheduled.startsAt >= :from
		order by m.scheduled.startsAt""")
@NamedQuery(name = "Meeting.allOf", query = """
		select m from Meeting m
		where (m.menteeId = :memberId or m.mentorId = :memberId) and m.status in :statuses
		order by m.scheduled.startsAt""")
@Table(name = "meetings")
class Meeting {

	static final int MAX_SLOTS = 5;

	@Id
	private UUID id;

	private UUID mentorshipId;

	private UUID menteeId;

	private UUID mentorId;

	@Enumerated(EnumType.STRING)
	private MeetingStatus status;

	private boolean finalMeeting;

	@ElementCollection
	@CollectionTable(name = "meeting_slots", joinColumns = @JoinColumn(name = "meeting_id"))
	@OrderColumn(name = "position")
	private List<Slot> slots = new ArrayList<>();

	/** The picked slot while SCHEDULED or HELD. */
	@Embedded
	@AttributeOverride(name = "startsAt", column = @Column(name = "starts_at"))
	@AttributeOverride(name = "durationMinutes", column = @Column(name = "duration_minutes"))
	@AttributeOverride(name = "kind", column = @Column(name = "kind"))
	@AttributeOverride(name = "place", column = @Column(name = "place"))
	@AttributeOverride(name = "link", column = @Column(name = "link"))
	private Slot scheduled;

	/**
	 * SEQUENCE of the calendar invitation: raised on every change after the first
	 * invitation.
	 */
	private int invitationSequence;

	/** How often times were proposed for this meeting (names the proposal mails). */
	private int proposalRound;

	private String declineMessage;

	private String cancelReason;

	private UUID cancelledBy;

	private Instant menteeConfirmedAt;

	private Instant mentorConfirmedAt;

	private String processInstanceId;

	private Instant proposedAt;

	/** Who said the meeting did not take place, when and why. */
	private UUID notHeldReportedBy;

	private Instant notHeldReportedAt;

	private String notHeldReason;

	/**
	 * The mentee took back their confirmation (in a dispute or before the mentor acted).
	 */
	private Instant confirmationWithdrawnAt;

	private String withdrawalReason;

	/** The admin who settled a dispute, when, how and why. */
	private UUID disputeResolvedBy;

	private Instant disputeResolvedAt;

	@Enumerated(EnumType.STRING)
	private MeetingStatus disputeResolution;

	private String disputeResolutionReason;

	/** When nobody had confirmed it in time (or a dispute lapsed). */
	private Instant unconfirmedAt;

	@Version
	private Long version;

	protected Meeting() {
	}

	Meeting(UUID mentorshipId, UUID menteeId, UUID mentorId, List<Slot> slots, boolean finalMeeting, Clock clock) {
		this.id = UUID.randomUUID();
		this.mentorshipId = mentorshipId;
		this.menteeId = menteeId;
		this.mentorId = mentorId;
		this.finalMeeting = finalMeeting;
		this.status = MeetingStatus.PROPOSED;
		this.proposedAt = clock.instant();
		propose(slots, clock);
	}

	private void propose(List<Slot> proposed, Clock clock) {
		if (proposed.isEmpty() || proposed.size() > MAX_SLOTS) {
			throw new InvalidInputException("input.slots", "Propose one to " + MAX_SLOTS + " times");
		}
		for (int i = 0; i < proposed.size(); i++) {
			if (!proposed.get(i).getStartsAt().isAfter(clock.instant())) {
				throw new InvalidInputException("input.slots[" + i + "].start",
						"Proposed times must lie in the future");
			}
		}
		this.slots = new ArrayList<>(proposed);
		this.proposalRound++;
	}

	void startedAs(String processInstanceId) {
		this.processInstanceId = processInstanceId;
	}

	/** The mentor picks one of the proposed slots (index from 0). */
	void schedule(UUID callerId, int slotIndex, Clock clock) {
		requireMentor(callerId, "Only the mentor picks the time");
		requireStatus(MeetingStatus.PROPOSED);
		if (slotIndex < 0 || slotIndex >= this.slots.size()) {
			throw new InvalidInputException("input.slot", "Pick one of the " + this.slots.size() + " proposed times");
		}
		Slot slot = this.slots.get(slotIndex);
		if (!slot.getStartsAt().isAfter(clock.instant())) {
			throw DomainException.refused("SLOT_IN_PAST", "This time has passed; ask for new proposals");
		}
		if (this.scheduled != null) {
			// a moved meeting: same invitation UID, higher SEQUENCE
			this.invitationSequence++;
		}
		this.scheduled = slot;
		this.status = MeetingStatus.SCHEDULED;
	}

	void decline(UUID callerId, String message) {
		requireMentor(callerId, "Only the mentor declines a proposal");
		requireStatus(MeetingStatus.PROPOSED);
		this.status = MeetingStatus.DECLINED;
		this.declineMessage = message;
	}

	/** Moves a scheduled meeting: new proposals, the mentor picks again. */
	void reschedule(UUID callerId, List<Slot> proposed, Clock clock) {
		requireParticipant(callerId);
		requireStatus(MeetingStatus.SCHEDULED);
		requireNotStarted(clock, "A meeting that has begun cannot be moved");
		propose(proposed, clock);
		this.status = MeetingStatus.PROPOSED;
	}

	void cancel(UUID callerId, String reason, Clock clock) {
		requireParticipant(callerId);
		requireStatus(MeetingStatus.SCHEDULED);
		requireNotStarted(clock, "A meeting that has begun cannot be cancelled");
		this.status = MeetingStatus.CANCELLED;
		this.cancelReason = reason;
		this.cancelledBy = callerId;
		this.invitationSequence++;
	}

	/**
	 * The mentorship ended (completed or terminated): an open proposal or a meeting still
	 * ahead is cancelled; a meeting that has begun and awaits its confirmations, or is
	 * disputed, ends UNCONFIRMED (it may have taken place, so it is never called
	 * cancelled). Returns what happened to it.
	 */
	Ending endWithMentorship(String reason, Clock clock) {
		if (this.status == MeetingStatus.DISPUTED || (this.status == MeetingStatus.SCHEDULED
				&& !clock.instant().isBefore(this.scheduled.getStartsAt()))) {
			this.status = MeetingStatus.UNCONFIRMED;
			this.unconfirmedAt = clock.instant();
			return Ending.UNCONFIRMED;
		}
		boolean scheduled = this.status == MeetingStatus.SCHEDULED;
		if (scheduled) {
			this.invitationSequence++;
		}
		this.status = MeetingStatus.CANCELLED;
		this.cancelReason = reason;
		return scheduled ? Ending.CANCELLED_INVITATION : Ending.CANCELLED_PROPOSAL;
	}

	/** What the end of the mentorship did to a meeting. */
	enum Ending {

		CANCELLED_PROPOSAL, CANCELLED_INVITATION, UNCONFIRMED

	}

	/**
	 * A participant says the meeting did not take place, after its start. Before anyone
	 * confirmed, or when the mentee takes back their own confirmation (also in a
	 * dispute), the meeting is NOT_HELD; when the mentor contradicts the mentee's
	 * confirmation it is DISPUTED. Returns the new status.
	 */
	MeetingStatus reportNotHeldBy(UUID callerId, String reason, Clock clock) {
		requireParticipant(callerId);
		boolean mentee = callerId.equals(this.menteeId);
		if (this.status == MeetingStatus.DISPUTED && mentee) {
			return withdrawConfirmation(reason, clock);
		}
		if ((this.status == MeetingStatus.DISPUTED || this.status == MeetingStatus.NOT_HELD)
				&& callerId.equals(this.notHeldReportedBy)) {
			throw DomainException.refused("ALREADY_REPORTED", "You reported this meeting as not held already");
		}
		requireStatus(MeetingStatus.SCHEDULED);
		if (clock.instant().isBefore(this.scheduled.getStartsAt())) {
			throw DomainException.refused("MEETING_NOT_YET",
					"A meeting can be reported as not held once its time has come; before, cancel it");
		}
		this.notHeldReportedBy = callerId;
		this.notHeldReportedAt = clock.instant();
		this.notHeldReason = reason;
		if (this.menteeConfirmedAt == null) {
			this.status = MeetingStatus.NOT_HELD;
		}
		else if (mentee) {
			this.confirmationWithdrawnAt = clock.instant();
			this.status = MeetingStatus.NOT_HELD;
		}
		else {
			this.status = MeetingStatus.DISPUTED;
		}
		return this.status;
	}

	private MeetingStatus withdrawConfirmation(String reason, Clock clock) {
		this.confirmationWithdrawnAt = clock.instant();
		this.withdrawalReason = reason;
		this.status = MeetingStatus.NOT_HELD;
		return this.status;
	}

	/** An admin settles a dispute: HELD or NOT_HELD, with a reason. */
	void resolveDispute(UUID adminId, MeetingStatus outcome, String reason, Clock clock) {
		if (outcome != MeetingStatus.HELD && outcome != MeetingStatus.NOT_HELD) {
			throw new InvalidInputException("input.outcome", "HELD or NOT_HELD");
		}
		requireStatus(MeetingStatus.DISPUTED);
		this.disputeResolvedBy = adminId;
		this.disputeResolvedAt = clock.instant();
		this.disputeResolution = outcome;
		this.disputeResolutionReason = reason;
		this.status = outcome;
	}

	/**
	 * Nobody confirmed in time, or nobody settled the dispute in time: UNCONFIRMED.
	 * Returns whether it changed (a repeated job changes nothing).
	 */
	boolean lapse(Clock clock) {
		if (this.status != MeetingStatus.SCHEDULED && this.status != MeetingStatus.DISPUTED) {
			return false;
		}
		this.status = MeetingStatus.UNCONFIRMED;
		this.unconfirmedAt = clock.instant();
		return true;
	}

	/**
	 * Confirms that the meeting took place: the mentee first, then the mentor. Returns
	 * whether the meeting is now HELD.
	 */
	boolean confirmHeldBy(UUID callerId, Clock clock) {
		requireParticipant(callerId);
		if (this.status == MeetingStatus.HELD || (callerId.equals(this.menteeId) && this.menteeConfirmedAt != null)) {
			throw DomainException.refused("ALREADY_CONFIRMED", "You confirmed this meeting already");
		}
		requireStatus(MeetingStatus.SCHEDULED);
		if (clock.instant().isBefore(this.scheduled.getStartsAt())) {
			throw DomainException.refused("MEETING_NOT_YET", "A meeting can be confirmed once it has taken place");
		}
		if (callerId.equals(this.menteeId)) {
			this.menteeConfirmedAt = clock.instant();
			return false;
		}
		if (this.menteeConfirmedAt == null) {
			throw DomainException.refused("NOT_YOUR_TURN", "The mentee confirms first");
		}
		this.mentorConfirmedAt = clock.instant();
		this.status = MeetingStatus.HELD;
		return true;
	}

	boolean isParticipant(UUID memberId) {
		return this.menteeId.equals(memberId) || this.mentorId.equals(memberId);
	}

	private void requireParticipant(UUID callerId) {
		if (!isParticipant(callerId)) {
			throw DomainException.notFound("Meeting");
		}
	}

	private void requireMentor(UUID callerId, String message) {
		requireParticipant(callerId);
		if (!callerId.equals(this.mentorId)) {
			throw DomainException.refused("NOT_YOUR_TURN", message);
		}
	}

	private void requireStatus(MeetingStatus expected) {
		if (this.status != expected) {
			throw DomainException.refused("WRONG_STATE",
					"Not possible while the meeting is " + this.status.name().toLowerCase());
		}
	}

	private void requireNotStarted(Clock clock, String message) {
		if (!clock.instant().isBefore(this.scheduled.getStartsAt())) {
			throw DomainException.refused("MEETING_STARTED", message);
		}
	}

	UUID getId() {
		return this.id;
	}

	UUID getMentorshipId() {
		return this.mentorshipId;
	}

	UUID getMenteeId() {
		return this.menteeId;
	}

	UUID getMentorId() {
		return this.mentorId;
	}

	MeetingStatus getStatus() {
		return this.status;
	}

	boolean isFinalMeeting() {
		return this.finalMeeting;
	}

	List<Slot> getSlots() {
		return this.slots;
	}

	Slot getScheduled() {
		return this.scheduled;
	}

	int getProposalRound() {
		return this.proposalRound;
	}

	int getInvitationSequence() {
		return this.invitationSequence;
	}

	String getDeclineMessage() {
		return this.declineMessage;
	}

	String getCancelReason() {
		return this.cancelReason;
	}

	UUID getCancelledBy() {
		return this.cancelledBy;
	}

	Instant getMenteeConfirmedAt() {
		return this.menteeConfirmedAt;
	}

	Instant getMentorConfirmedAt() {
		return this.mentorConfirmedAt;
	}

	String getProcessInstanceId() {
		return this.processInstanceId;
	}

	Instant getProposedAt() {
		return this.proposedAt;
	}

	UUID getNotHeldReportedBy() {
		return this.notHeldReportedBy;
	}

	Instant getNotHeldReportedAt() {
		return this.notHeldReportedAt;
	}

	String getNotHeldReason() {
		return this.notHeldReason;
	}

	Instant getConfirmationWithdrawnAt() {
		return this.confirmationWithdrawnAt;
	}

	String getWithdrawalReason() {
		return this.withdrawalReason;
	}

	UUID getDisputeResolvedBy() {
		return this.disputeResolvedBy;
	}

	Instant getDisputeResolvedAt() {
		return this.disputeResolvedAt;
	}

	MeetingStatus getDisputeResolution() {
		return this.disputeResolution;
	}

	String getDisputeResolutionReason() {
		return this.disputeResolutionReason;
	}

	Instant getUnconfirmedAt() {
		return this.unconfirmedAt;
	}

}
