package at.alma.mentoring.mentorship;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import at.alma.mentoring.platform.DomainException;
import org.hibernate.annotations.DynamicUpdate;

/**
 * A mentorship between a mentee and a mentor, from the request on. Guards its own
 * lifecycle: every transition checks the current status and refuses with a stable code.
 * <p>
 * The activity and held-meeting columns are set by single update statements (two nodes
 * may record at once); updates of the entity write only the columns they changed, so a
 * transition never writes back a count it read before another transaction raised it.
 */
@Entity
@NamedQuery(name = "Mentorship.statusOf", query = "select m.status from Mentorship m where m.id = :id")
@NamedQuery(name = "Mentorship.findPartiesById",
		query = """
				select new at.alma.mentoring.mentorship.MentorshipParties(m.id, m.menteeId, m.mentorId, m.status, m.processInstanceId)
				from Mentorship m where m.id = :id""")
@NamedQuery(name = "Mentorship.recordActivity", query = """
		update Mentorship m set m.lastActivityAt = :at
		where m.id = :id and (m.lastActivityAt is null or m.lastActivityAt < :at)""")
@NamedQuery(name = "Mentorship.recordMeetingHeld", query = """
		update Mentorship m set m.meetingsHeld = m.meetingsHeld + 1,
		  m.lastMeetingHeldAt = :at,
		  m.firstMeetingHeldAt = case when m.activatedAt is not null and :startsAt >= m.activatedAt
		    and (m.firstMeetingHeldAt is null or :startsAt < m.firstMeetingHeldAt) then :startsAt
		    else m.firstMeetingHeldAt end
		where m.id = :id""")
@Table(name = "mentorships")
@DynamicUpdate
class Mentorship implements MentorshipRef {

	@Id
	private UUID id;

	private UUID menteeId;

	private UUID mentorId;

	@Enumerated(EnumType.STRING)
	private MentorshipStatus status;

	/**
	 * "menteeId:mentorId" while the mentorship is open (requested, accepted, active),
	 * otherwise null; a unique index on it lets the database refuse a second open request
	 * of the same pair.
	 */
	private String openPairKey;

	private String requestMessage;

	private String declineMessage;

	private String processInstanceId;

	private Instant requestedAt;

	/**
	 * When the unanswered request expires (the process's expiry timer is set to the same
	 * moment).
	 */
	private Instant requestExpiresAt;

	private Instant decidedAt;

	private Instant activatedAt;

	private Instant endedAt;

	/**
	 * Who proposed to close the mentorship, while a proposal waits for the other side.
	 */
	private UUID closureProposedBy;

	private Instant closureProposedAt;

	/** How many closure proposals there were (names their mails). */
	private int closureRound;

	private String closureDeclineMessage;

	private UUID terminatedBy;

	private String terminationReason;

	/**
	 * The last thing that happened in the mentorship; the inactivity timer counts from
	 * here.
	 */
	private Instant lastActivityAt;

	/**
	 * When both were last asked for feedback because nothing happened; one request per
	 * inactivity period.
	 */
	private Instant inactivityNoticeAt;

	/** How many meetings both sides confirmed (HELD). */
	private int meetingsHeld;

	/**
	 * The start of the first held meeting since the mentorship became active (the meeting
	 * that works out the agreement comes before it and does not count here).
	 */
	private Instant firstMeetingHeldAt;

	/** When the last meeting became HELD. */
	private Instant lastMeetingHeldAt;

	@Version
	private Long version;

	protected Mentorship() {
	}

	private Mentorship(UUID menteeId, UUID mentorId, String requestMessage, Instant now, Instant expiresAt) {
		this.id = UUID.randomUUID();
		this.menteeId = menteeId;
		this.mentorId = mentorId;
		this.requestMessage = requestMessage;
		this.status = MentorshipStatus.REQUESTED;
		this.openPairKey = pairKey(menteeId, mentorId);
		this.requestedAt = now;
		this.requestExpiresAt = expiresAt;
	}

	static Mentorship request(UUID menteeId, UUID mentorId, String message, Duration expiresAfter, Clock clock) {
		if (menteeId.equals(mentorId)) {
			throw DomainException.refused("SELF_REQUEST", "You cannot be your own mentor");
		}
		Instant now = clock.instant();
		return new Mentorship(menteeId, mentorId, (message == null || message.isBlank()) ? null : message.strip(), now,
				now.plus(expiresAfter));
	}

	static String pairKey(UUID menteeId, UUID mentorId) {
		return menteeId + ":" + mentorId;
	}

	void startedAs(String processInstanceId) {
		this.processInstanceId = processInstanceId;
	}

	void accept(Clock clock) {
		requireStatus(MentorshipStatus.REQUESTED);
		this.status = MentorshipStatus.ACCEPTED;
		this.decidedAt = clock.instant();
	}

	/** The first approved agreement: "officially in a mentorship". */
	void activate(Clock clock) {
		requireStatus(MentorshipStatus.ACCEPTED);
		this.status = MentorshipStatus.ACTIVE;
		this.activatedAt = clock.instant();
		this.lastActivityAt = this.activatedAt;
	}

	void decline(String message, Clock clock) {
		requireStatus(MentorshipStatus.REQUESTED);
		this.status = MentorshipStatus.DECLINED;
		this.declineMessage = message;
		close(clock);
		this.decidedAt = this.endedAt;
	}

	void withdraw(Clock clock) {
		requireStatus(MentorshipStatus.REQUESTED);
		this.status = MentorshipStatus.WITHDRAWN;
		close(clock);
	}

	void expire(Clock clock) {
		requireStatus(MentorshipStatus.REQUESTED);
		this.status = MentorshipStatus.EXPIRED;
		close(clock);
	}

	/**
	 * Either side proposes to end an active mentorship; the other confirms or declines.
	 */
	void proposeClosure(UUID memberId, Clock clock) {
		requireStatus(MentorshipStatus.ACTIVE);
		if (this.closureProposedBy != null) {
			throw DomainException.refused("CLOSURE_PENDING", "A proposal to close waits for an answer already");
		}
		this.closureProposedBy = memberId;
		this.closureProposedAt = clock.instant();
		this.closureDeclineMessage = null;
		this.closureRound++;
	}

	/** The other side agrees: the mentorship is COMPLETED. */
	void confirmClosure(UUID memberId, Clock clock) {
		requireClosureAnswerBy(memberId);
		this.status = MentorshipStatus.COMPLETED;
		close(clock);
	}

	void declineClosure(UUID memberId, String message) {
		requireClosureAnswerBy(memberId);
		this.closureProposedBy = null;
		this.closureProposedAt = null;
		this.closureDeclineMessage = message;
	}

	/** Nobody answered in time: the proposal lapses, the mentorship stays active. */
	void lapseClosure() {
		if (this.status == MentorshipStatus.ACTIVE) {
			this.closureProposedBy = null;
			this.closureProposedAt = null;
		}
	}

	/** Either side ends an accepted or active mentorship early. */
	void terminate(UUID memberId, String reason, Clock clock) {
		if (this.status != MentorshipStatus.ACCEPTED && this.status != MentorshipStatus.ACTIVE) {
			throw DomainException.refused("WRONG_STATE",
					"Only an accepted or active mentorship can be ended early (it is "
							+ this.status.name().toLowerCase() + ")");
		}
		this.status = MentorshipStatus.TERMINATED;
		this.terminatedBy = memberId;
		this.terminationReason = reason;
		this.closureProposedBy = null;
		close(clock);
	}

	private void requireClosureAnswerBy(UUID memberId) {
		requireStatus(MentorshipStatus.ACTIVE);
		if (this.closureProposedBy == null) {
			throw DomainException.refused("NO_CLOSURE_PROPOSED", "Nobody proposed to close this mentorship");
		}
		if (this.closureProposedBy.equals(memberId)) {
			throw DomainException.refused("NOT_YOUR_TURN", "The other side answers your proposal");
		}
	}

	UUID getClosureProposedBy() {
		return this.closureProposedBy;
	}

	Instant getClosureProposedAt() {
		return this.closureProposedAt;
	}

	int getClosureRound() {
		return this.closureRound;
	}

	String getClosureDeclineMessage() {
		return this.closureDeclineMessage;
	}

	UUID getTerminatedBy() {
		return this.terminatedBy;
	}

	String getTerminationReason() {
		return this.terminationReason;
	}

	/** The participant who is not {@code memberId}. */
	UUID otherThan(UUID memberId) {
		return this.menteeId.equals(memberId) ? this.mentorId : this.menteeId;
	}

	private void close(Clock clock) {
		this.openPairKey = null;
		this.endedAt = clock.instant();
	}

	private void requireStatus(MentorshipStatus expected) {
		if (this.status != expected) {
			throw wrongState(this.status);
		}
	}

	static DomainException wrongState(MentorshipStatus status) {
		return DomainException.refused("WRONG_STATE",
				"Not possible while the mentorship is " + status.name().toLowerCase());
	}

	boolean isParticipant(UUID memberId) {
		return this.menteeId.equals(memberId) || this.mentorId.equals(memberId);
	}

	@Override
	public UUID getId() {
		return this.id;
	}

	UUID getMenteeId() {
		return this.menteeId;
	}

	UUID getMentorId() {
		return this.mentorId;
	}

	MentorshipStatus getStatus() {
		return this.status;
	}

	String getRequestMessage() {
		return this.requestMessage;
	}

	String getDeclineMessage() {
		return this.declineMessage;
	}

	String getProcessInstanceId() {
		return this.processInstanceId;
	}

	Instant getRequestedAt() {
		return this.requestedAt;
	}

	Instant getRequestExpiresAt() {
		return this.requestExpiresAt;
	}

	Instant getDecidedAt() {
		return this.decidedAt;
	}

	Instant getActivatedAt() {
		return this.activatedAt;
	}

	boolean isMentee(UUID memberId) {
		return this.menteeId.equals(memberId);
	}

	boolean isMentor(UUID memberId) {
		return this.mentorId.equals(memberId);
	}

	Instant getLastActivityAt() {
		return this.lastActivityAt;
	}

	Instant getInactivityNoticeAt() {
		return this.inactivityNoticeAt;
	}

	void inactivityNoticed(Instant periodEnd) {
		this.inactivityNoticeAt = periodEnd;
	}

	Instant getEndedAt() {
		return this.endedAt;
	}

	int getMeetingsHeld() {
		return this.meetingsHeld;
	}

	Instant getFirstMeetingHeldAt() {
		return this.firstMeetingHeldAt;
	}

	Instant getLastMeetingHeldAt() {
		return this.lastMeetingHeldAt;
	}

}
