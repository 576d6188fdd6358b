package at.alma.mentoring.mentorship.agreement;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import at.alma.mentoring.platform.DomainException;

/**
 * One version of a mentorship's agreement. Versions are numbered per mentorship and never
 * deleted; the newest approved version is the one in force.
 */
@Entity
@Table(name = "agreement_versions")
class AgreementVersion {

	@Id
	private UUID id;

	private UUID mentorshipId;

	private int versionNumber;

	@Enumerated(EnumType.STRING)
	private AgreementStatus status;

	private LocalDate periodStart;

	private LocalDate periodEnd;

	private int meetingCount;

	/** Comma-separated {@link ContactKind} names. */
	private String contactKinds;

	private String contactFrequency;

	@ElementCollection
	@CollectionTable(name = "agreement_topics", joinColumns = @JoinColumn(name = "agreement_version_id"))
	@OrderColumn(name = "position")
	@Column(name = "topic")
	private List<String> topics = new ArrayList<>();

	/** How often this version was submitted; a change request sends it back. */
	private int submissions;

	private Instant savedAt;

	private Instant submittedAt;

	private Instant approvedAt;

	private UUID approvedBy;

	private Instant changesRequestedAt;

	private String changesComment;

	@Version
	private Long version;

	protected AgreementVersion() {
	}

	AgreementVersion(UUID mentorshipId, int versionNumber, AgreementTerms terms, Clock clock) {
		this.id = UUID.randomUUID();
		this.mentorshipId = mentorshipId;
		this.versionNumber = versionNumber;
		this.status = AgreementStatus.DRAFT;
		apply(terms, clock);
	}

	/** The mentee edits the working version; once submitted, it waits for the mentor. */
	void revise(AgreementTerms terms, Clock clock) {
		if (this.status == AgreementStatus.SUBMITTED) {
			throw DomainException.refused("ALREADY_SUBMITTED", "The agreement waits for the mentor's decision");
		}
		if (this.status == AgreementStatus.APPROVED) {
			throw DomainException.refused("WRONG_STATE", "An approved version is not changed; draft a new one");
		}
		this.status = AgreementStatus.DRAFT;
		apply(terms, clock);
	}

	void submit(Clock clock) {
		if (this.status == AgreementStatus.SUBMITTED) {
			throw DomainException.refused("ALREADY_SUBMITTED", "The agreement was submitted already");
		}
		if (this.status == AgreementStatus.APPROVED) {
			throw DomainException.refused("NO_DRAFT", "There is no new version to submit; save a draft first");
		}
		this.status = AgreementStatus.SUBMITTED;
		this.submissions++;
		this.submittedAt = clock.instant();
	}

	void approve(UUID mentorId, Clock clock) {
		requireSubmitted();
		this.status = AgreementStatus.APPROVED;
		this.approvedBy = mentorId;
		this.approvedAt = clock.instant();
	}

	void requestChanges(String comment, Clock clock) {
		requireSubmitted();
		this.status = AgreementStatus.CHANGES_REQUESTED;
		this.changesComment = comment;
		this.changesRequestedAt = clock.instant();
	}

	private void requireSubmitted() {
		if (this.status != AgreementStatus.SUBMITTED) {
			throw DomainException.refused("WRONG_STATE", "This version is not waiting for a decision");
		}
	}

	private void apply(AgreementTerms terms, Clock clock) {
		this.periodStart = terms.periodStart();
		this.periodEnd = terms.periodEnd();
		this.meetingCount = terms.meetingCount();
		this.contactKinds = terms.contactKinds().stream().map(Enum::name).collect(Collectors.joining(","));
		this.contactFrequency = terms.contactFrequency();
		this.topics = new ArrayList<>(terms.topics());
		this.savedAt = clock.instant();
	}

	/** Whether the mentor may see it: a draft never submitted is the mentee's alone. */
	boolean isVisibleToMentor() {
		return this.submissions > 0;
	}

	/** A round of the approval, e.g. "v2.1" (version.submission); names its mails. */
	String round() {
		return "v" + this.versionNumber + "." + this.submissions;
	}

	UUID getId() {
		return this.id;
	}

	UUID getMentorshipId() {
		return this.mentorshipId;
	}

	int getVersionNumber() {
		return this.versionNumber;
	}

	AgreementStatus getStatus() {
		return this.status;
	}

	LocalDate getPeriodStart() {
		return this.periodStart;
	}

	LocalDate getPeriodEnd() {
		return this.periodEnd;
	}

	int getMeetingCount() {
		return this.meetingCount;
	}

	Set<ContactKind> getContactKinds() {
		return this.contactKinds.isEmpty() ? EnumSet.noneOf(ContactKind.class)
				: Arrays.stream(this.contactKinds.split(","))
					.map(ContactKind::valueOf)
					.collect(Collectors.toCollection(() -> EnumSet.noneOf(ContactKind.class)));
	}

	String getContactFrequency() {
		return this.contactFrequency;
	}

	List<String> getTopics() {
		return this.topics;
	}

	int getSubmissions() {
		return this.submissions;
	}

	Instant getSavedAt() {
		return this.savedAt;
	}

	Instant getSubmittedAt() {
		return this.submittedAt;
	}

	Instant getApprovedAt() {
		return this.approvedAt;
	}

	UUID getApprovedBy() {
		return this.approvedBy;
	}

	Instant getChangesRequestedAt() {
		return this.changesRequestedAt;
	}

	String getChangesComment() {
		return this.changesComment;
	}

}
