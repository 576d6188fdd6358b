package at.alma.mentoring.mentorship;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

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

	private final Mentorships mentorships;

	private final WorkflowTasks workflow;

	private final MentorshipSettings settings;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Agreements(AgreementVersions versions, Mentorships mentorships, WorkflowTasks workflow, MentorshipSettings settings,
			ApplicationEventPublisher events, Clock clock) {
		this.versions = versions;
		this.mentorships = mentorships;
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
		Mentorship mentorship = asMentee(callerId, mentorshipId);
		Optional<AgreementVersion> latest = this.versions.findFirstByMentorshipIdOrderByVersionNumberDesc(mentorshipId);
		if (latest.isPresent() && latest.get().getStatus() != AgreementStatus.APPROVED) {
			latest.get().revise(terms, this.clock);
			this.versions.flush();
			return AgreementView.of(latest.get());
		}
		int number = latest.map(AgreementVersion::getVersionNumber).orElse(0) + 1;
		try {
			return AgreementView
				.of(this.versions.saveAndFlush(new AgreementVersion(mentorship.getId(), number, terms, this.clock)));
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
		Mentorship mentorship = asMentee(callerId, mentorshipId);
		AgreementVersion working = this.versions.findFirstByMentorshipIdOrderByVersionNumberDesc(mentorshipId)
			.orElseThrow(() -> DomainException.refused("NO_DRAFT", "Save the agreement before submitting it"));
		working.submit(this.clock);
		this.versions.flush();
		Map<String, Object> variables = Map.of(AgreementApprovalProcess.AGREEMENT_VERSION, working.getVersionNumber(),
				AgreementApprovalProcess.AGREEMENT_SUBMISSION, working.getSubmissions(),
				AgreementApprovalProcess.AGREEMENT_REMINDER_AFTER, this.settings.agreementReminderAfter().toString());
		String instance = mentorship.getProcessInstanceId();
		if (this.workflow.openTask(instance, AgreementApprovalProcess.REVISE_AGREEMENT).isPresent()) {
			this.workflow.complete(instance, AgreementApprovalProcess.REVISE_AGREEMENT, callerId, variables);
		}
		else if (mentorship.getStatus() == MentorshipStatus.ACCEPTED) {
			this.workflow.complete(instance, LifecycleProcess.WRITE_AGREEMENT, callerId, variables);
		}
		else {
			this.workflow.correlate(AgreementApprovalProcess.AMENDMENT_SUBMITTED, instance, variables);
		}
		this.versions.flush();
		this.mentorships.recordActivity(mentorshipId, this.clock.instant());
		return AgreementView.of(working);
	}

	@Transactional
	AgreementView approve(UUID callerId, UUID mentorshipId, int versionNumber) {
		Mentorship mentorship = asMentor(callerId, mentorshipId);
		AgreementVersion current = decidable(mentorshipId, versionNumber);
		current.approve(callerId, this.clock);
		this.versions.flush();
		boolean first = mentorship.getStatus() == MentorshipStatus.ACCEPTED;
		if (first) {
			mentorship.activate(this.clock);
		}
		this.workflow.complete(mentorship.getProcessInstanceId(), AgreementApprovalProcess.APPROVE_AGREEMENT, callerId,
				Map.of(AgreementApprovalProcess.DECISION, AgreementStatus.APPROVED.name()));
		this.versions.flush();
		if (first) {
			this.events.publishEvent(
					new MentorshipActivated(mentorship.getId(), mentorship.getMenteeId(), mentorship.getMentorId()));
		}
		return AgreementView.of(current);
	}

	@Transactional
	AgreementView requestChanges(UUID callerId, UUID mentorshipId, int versionNumber, String comment) {
		if (comment == null || comment.isBlank() || comment.length() > MAX_COMMENT_LENGTH) {
			throw new InvalidInputException("input.comment",
					"Say what should change (1 to " + MAX_COMMENT_LENGTH + " characters)");
		}
		Mentorship mentorship = asMentor(callerId, mentorshipId);
		AgreementVersion current = decidable(mentorshipId, versionNumber);
		current.requestChanges(comment.strip(), this.clock);
		this.versions.flush();
		this.workflow.complete(mentorship.getProcessInstanceId(), AgreementApprovalProcess.APPROVE_AGREEMENT, callerId,
				Map.of(AgreementApprovalProcess.DECISION, AgreementStatus.CHANGES_REQUESTED.name()));
		this.versions.flush();
		return AgreementView.of(current);
	}

	/**
	 * Every version of these mentorships as {@code viewer} may see them, oldest first.
	 */
	@Transactional(readOnly = true)
	Map<UUID, List<AgreementView>> versionsOf(Collection<Mentorship> mentorships, UUID viewer) {
		Map<UUID, Mentorship> byId = mentorships.stream()
			.collect(Collectors.toMap(Mentorship::getId, (mentorship) -> mentorship, (a, b) -> a));
		return this.versions.findByMentorshipIdInOrderByVersionNumberAsc(byId.keySet())
			.stream()
			.filter((version) -> byId.get(version.getMentorshipId()).isMentee(viewer) || version.isVisibleToMentor())
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

	private Mentorship asMentee(UUID callerId, UUID mentorshipId) {
		Mentorship mentorship = participant(callerId, mentorshipId);
		if (!mentorship.isMentee(callerId)) {
			throw DomainException.refused("NOT_YOUR_TURN", "Only the mentee writes the agreement");
		}
		requireAgreeable(mentorship);
		return mentorship;
	}

	private Mentorship asMentor(UUID callerId, UUID mentorshipId) {
		Mentorship mentorship = participant(callerId, mentorshipId);
		if (!mentorship.isMentor(callerId)) {
			throw DomainException.refused("NOT_YOUR_TURN", "Only the mentor approves the agreement");
		}
		requireAgreeable(mentorship);
		return mentorship;
	}

	private Mentorship participant(UUID callerId, UUID mentorshipId) {
		return this.mentorships.findById(mentorshipId)
			.filter((mentorship) -> mentorship.isParticipant(callerId))
			.orElseThrow(() -> DomainException.notFound("Mentorship"));
	}

	private static void requireAgreeable(Mentorship mentorship) {
		if (mentorship.getStatus() != MentorshipStatus.ACCEPTED && mentorship.getStatus() != MentorshipStatus.ACTIVE) {
			throw DomainException.refused("WRONG_STATE", "An agreement belongs to an accepted or active mentorship");
		}
	}

}
