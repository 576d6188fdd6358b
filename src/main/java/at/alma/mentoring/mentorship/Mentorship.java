package at.alma.mentoring.mentorship;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import at.alma.mentoring.platform.DomainException;

/**
 * A mentorship between a mentee and a mentor, from the request on. Guards its own
 * lifecycle: every transition checks the current status and refuses with a stable code.
 */
@Entity
@Table(name = "mentorships")
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

	static Mentorship request(UUID menteeId, UUID mentorId, String message, java.time.Duration expiresAfter,
			Clock clock) {
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

	private void close(Clock clock) {
		this.openPairKey = null;
		this.endedAt = clock.instant();
	}

	private void requireStatus(MentorshipStatus expected) {
		if (this.status != expected) {
			throw DomainException.refused("WRONG_STATE",
					"Not possible while the mentorship is " + this.status.name().toLowerCase());
		}
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

	Instant getEndedAt() {
		return this.endedAt;
	}

}
