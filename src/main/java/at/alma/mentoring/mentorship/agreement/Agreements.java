package at.alma.mentoring.mentorship.agreement;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import at.alma.mentoring.mentorship.MentorshipActivated;
import at.alma.mentoring.mentorship.MentorshipParties;
import at.alma.mentoring.mentorship.MentorshipRef;
import at.alma.mentoring.mentorship.MentorshipStatus;
import at.alma.mentoring.platform.DomainException;
import at.alma.mentoring.platform.InvalidInputException;
import at.alma.mentoring.workflow.WorkflowTasks;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The mentoring agreement: only the mentee writes it, the mentor approves it or asks for
 * changes; later amendments are new versions approved the same way, while the approved
 * version stays in force. Every change and the process step it completes commit together.
 */
@Service
class Agreements {

	static final int MAX_COMMENT_LENGTH = 2000;

	private final AgreementVersions versions;

	private final MentorshipLifecycle lifecycle;

	private final WorkflowTasks workflow;

	private final AgreementSettings settings;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Agreements(AgreementVersions versions, MentorshipLifecycle lifecycle, WorkflowTasks workflow,
			AgreementSettings settings, ApplicationEventPublisher events, Clock clock) {
		this.versions = versions;
		this.lifecycle = lifecycle;
		this.workflow = workflow;
		this.settings = settings;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Stores the mentee's working version: a new version after an approved one, else the
	 * draft in progress.
	 */
	@Transactional
	AgreementView save(UUID callerId, UUID mentorshipId, AgreementTerms terms) {
		MentorshipParties mentorship = asMentee(callerId, mentorshipId);
		Optional<AgreementVersion> latest = this.versions.findFirstByMentorshipIdOrderByVersionNumberDesc(mentorshipId);
		if (latest.isPresent() && latest.get().getStatus() != AgreementStatus.APPROVED) {
			latest.get().revise(terms, this.clock);
			this.versions.flush();
			return AgreementView.of(latest.get());
		}
		int number = latest.map(AgreementVersion::getVersionNumber).orElse(0) + 1;
		try {
			return AgreementView
				.of(this.versions.saveAndFlush(new AgreementVersion(mentorship.id(), number, terms, this.clock)));
		}
		catch (DataIntegrityViolationException ex) {
			throw DomainException.conflict("CONCURRENT_CHANGE", "The agreement was changed at the same moment; reload");
		}
	}

	/**
	 * Sends the working version to the mentor: completes the mentee's write or revise
	 * task, or, in an active mentorship with no approval under way, starts the
	 * amendment's approval.
	 */
	@Transactional
	AgreementView submit(UUID callerId, UUID mentorshipId) {
		MentorshipParties mentorship = asMentee(callerId, mentorshipId);
		AgreementVersion working = this.versions.findFirstByMentorshipIdOrderByVersionNumberDesc(mentorshipId)
			.orElseThrow(() -> DomainException.refused("NO_DRAFT", "Save the agreement before submitting it"));
		working.submit(this.clock);
		this.versions.flush();
		Map<String, Object> variables = Map.of(AgreementApprovalProcess.AGREEMENT_VERSION, working.getVersionNumber(),
				AgreementApprovalProcess.AGREEMENT_SUBMISSION, working.getSubmissions(),
				AgreementApprovalProcess.AGREEMENT_REMINDER_AFTER, this.settings.agreementReminderAfter().toString());
		String instance = mentorship.processInstanceId();
		if (this.workflow.openTask(instance, AgreementApprovalProcess.REVISE_AGREEMENT).isPresent()) {
			this.workflow.complete(instance, AgreementApprovalProcess.REVISE_AGREEMENT, callerId, variables);
		}
		else if (mentorship.status() == MentorshipStatus.ACCEPTED) {
			this.workflow.complete(instance, AgreementApprovalProcess.WRITE_AGREEMENT, callerId, variables);
		}
		else {
			this.workflow.correlate(AgreementApprovalProcess.AMENDMENT_SUBMITTED, instance, variables);
			this.lifecycle.amendmentSubmitted(mentorshipId);
		}
		this.lifecycle.recordActivity(mentorshipId);
		return AgreementView.of(working);
	}

	@Transactional
	AgreementView approve(UUID callerId, UUID mentorshipId, int versionNumber) {
		MentorshipParties mentorship = asMentor(callerId, mentorshipId);
		AgreementVersion current = decidable(mentorshipId, versionNumber);
		current.approve(callerId, this.clock);
		boolean first = mentorship.status() == MentorshipStatus.ACCEPTED;
		if (first) {
			this.lifecycle.activate(mentorshipId);
		}
		this.versions.flush();
		this.workflow.complete(mentorship.processInstanceId(), AgreementApprovalProcess.APPROVE_AGREEMENT, callerId,
				Map.of(AgreementApprovalProcess.DECISION, AgreementStatus.APPROVED.name()));
		this.lifecycle.approved(mentorshipId, first);
		if (first) {
			this.events
				.publishEvent(new MentorshipActivated(mentorship.id(), mentorship.menteeId(), mentorship.mentorId()));
		}
		return AgreementView.of(current);
	}

	@Transactional
	AgreementView requestChanges(UUID callerId, UUID mentorshipId, int versionNumber, String comment) {
		if (comment == null || comment.isBlank() || comment.length() > MAX_COMMENT_LENGTH) {
			throw new InvalidInputException("input.comment",
					"Say what should change (1 to " + MAX_COMMENT_LENGTH + " characters)");
		}
		MentorshipParties mentorship = asMentor(callerId, mentorshipId);
		AgreementVersion current = decidable(mentorshipId, versionNumber);
		current.requestChanges(comment.strip(), this.clock);
		this.versions.flush();
		this.workflow.complete(mentorship.processInstanceId(), AgreementApprovalProcess.APPROVE_AGREEMENT, callerId,
				Map.of(AgreementApprovalProcess.DECISION, AgreementStatus.CHANGES_REQUESTED.name()));
		return AgreementView.of(current);
	}

	/**
	 * Every version of these mentorships as {@code viewer} may see them, oldest first.
	 */
	@Transactional(readOnly = true)
	Map<UUID, List<AgreementView>> versionsOf(Collection<MentorshipRef> mentorships, UUID viewer) {
		Map<UUID, MentorshipRef> byId = mentorships.stream()
			.collect(Collectors.toMap(MentorshipRef::getId, (mentorship) -> mentorship, (a, b) -> a));
		return this.versions.findByMentorshipIdInOrderByVersionNumberAsc(byId.keySet())
			.stream()
			.filter((version) -> this.lifecycle.isMentee(byId.get(version.getMentorshipId()), viewer)
					|| version.isVisibleToMentor())
			.map(AgreementView::of)
			.collect(Collectors.groupingBy(AgreementView::mentorshipId));
	}

	/** The version a decision is about: it must be the newest, and submitted. */
	private AgreementVersion decidable(UUID mentorshipId, int versionNumber) {
		AgreementVersion current = this.versions.findFirstByMentorshipIdOrderByVersionNumberDesc(mentorshipId)
			.orElseThrow(() -> DomainException.refused("WRONG_STATE", "There is no agreement to decide on"));
		if (current.getVersionNumber() != versionNumber) {
			throw DomainException.refused("VERSION_OUTDATED", "Version " + versionNumber
					+ " is not the current one (version " + current.getVersionNumber() + " is)");
		}
		return current;
	}

	private MentorshipParties asMentee(UUID callerId, UUID mentorshipId) {
		MentorshipParties mentorship = this.lifecycle.participant(callerId, mentorshipId);
		if (!mentorship.menteeId().equals(callerId)) {
			throw DomainException.refused("NOT_YOUR_TURN", "Only the mentee writes the agreement");
		}
		requireAgreeable(mentorship);
		return mentorship;
	}

	private MentorshipParties asMentor(UUID callerId, UUID mentorshipId) {
		MentorshipParties mentorship = this.lifecycle.participant(callerId, mentorshipId);
		if (!mentorship.mentorId().equals(callerId)) {
			throw DomainException.refused("NOT_YOUR_TURN", "Only the mentor approves the agreement");
		}
		requireAgreeable(mentorship);
		return mentorship;
	}

	private static void requireAgreeable(MentorshipParties mentorship) {
		if (!mentorship.isOngoing()) {
			throw DomainException.refused("WRONG_STATE", "An agreement belongs to an accepted or active mentorship");
		}
	}

}
