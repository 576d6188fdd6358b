package at.alma.mentoring.mentorship.agreement;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import at.alma.mentoring.member.Participant;
import at.alma.mentoring.mentorship.MentorshipRef;
import at.alma.mentoring.platform.CurrentMember;
import at.alma.mentoring.platform.SingleLine;

import org.dataloader.DataLoader;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

@Controller
class AgreementController {

	private final Agreements agreements;

	private final MentorshipLifecycle lifecycle;

	private final CurrentMember currentMember;

	AgreementController(Agreements agreements, MentorshipLifecycle lifecycle, CurrentMember currentMember) {
		this.agreements = agreements;
		this.lifecycle = lifecycle;
		this.currentMember = currentMember;
	}

	@MutationMapping
	AgreementPayload saveAgreement(@Argument @Valid SaveAgreementInput input) {
		UUID caller = this.currentMember.id();
		return payload(caller, this.agreements.save(caller, input.mentorshipId(), input.terms()));
	}

	@MutationMapping
	AgreementPayload submitAgreement(@Argument @Valid MentorshipRefInput input) {
		UUID caller = this.currentMember.id();
		return payload(caller, this.agreements.submit(caller, input.mentorshipId()));
	}

	@MutationMapping
	AgreementPayload approveAgreement(@Argument @Valid AgreementDecisionInput input) {
		UUID caller = this.currentMember.id();
		return payload(caller, this.agreements.approve(caller, input.mentorshipId(), input.version()));
	}

	@MutationMapping
	AgreementPayload requestAgreementChanges(@Argument @Valid AgreementDecisionInput input) {
		UUID caller = this.currentMember.id();
		return payload(caller,
				this.agreements.requestChanges(caller, input.mentorshipId(), input.version(), input.comment()));
	}

	/** The version in force: the newest approved one. */
	@BatchMapping(typeName = "Mentorship", field = "agreement")
	Map<MentorshipRef, AgreementView> agreement(List<MentorshipRef> mentorships) {
		return pick(mentorships,
				(versions) -> versions.stream()
					.filter((version) -> version.status() == AgreementStatus.APPROVED)
					.reduce((older, newer) -> newer)
					.orElse(null));
	}

	/** The working version, unless the newest is approved; if the caller may see it. */
	@BatchMapping(typeName = "Mentorship", field = "agreementDraft")
	Map<MentorshipRef, AgreementView> agreementDraft(List<MentorshipRef> mentorships) {
		return pick(mentorships,
				(versions) -> versions.isEmpty()
						|| versions.get(versions.size() - 1).status() == AgreementStatus.APPROVED ? null
								: versions.get(versions.size() - 1));
	}

	@BatchMapping(typeName = "Mentorship", field = "agreementVersions")
	Map<MentorshipRef, List<AgreementView>> agreementVersions(List<MentorshipRef> mentorships) {
		Map<UUID, List<AgreementView>> versions = this.agreements.versionsOf(mentorships, this.currentMember.id());
		return mentorships.stream()
			.collect(Collectors.toMap(Function.identity(),
					(mentorship) -> versions.getOrDefault(mentorship.getId(), List.of())));
	}

	@SchemaMapping(typeName = "Agreement", field = "approvedBy")
	CompletableFuture<Participant> approvedBy(AgreementView version, DataLoader<UUID, Participant> participants) {
		return (version.approvedById() != null) ? participants.load(version.approvedById())
				: CompletableFuture.completedFuture(null);
	}

	private Map<MentorshipRef, AgreementView> pick(List<MentorshipRef> mentorships,
			Function<List<AgreementView>, AgreementView> choice) {
		Map<UUID, List<AgreementView>> versions = this.agreements.versionsOf(mentorships, this.currentMember.id());
		Map<MentorshipRef, AgreementView> picked = new HashMap<>();
		for (MentorshipRef mentorship : mentorships) {
			AgreementView version = choice.apply(versions.getOrDefault(mentorship.getId(), List.of()));
			if (version != null) {
				picked.put(mentorship, version);
			}
		}
		return picked;
	}

	private AgreementPayload payload(UUID caller, AgreementView version) {
		return new AgreementPayload(version, this.lifecycle.ofParticipant(caller, version.mentorshipId()));
	}

	record SaveAgreementInput(@NotNull UUID mentorshipId, @NotNull LocalDate periodStart, @NotNull LocalDate periodEnd,
			int meetingCount, @NotNull Set<ContactKind> contactKinds, @NotNull @SingleLine String contactFrequency,
			List<@SingleLine String> topics) {

		AgreementTerms terms() {
			return new AgreementTerms(this.periodStart, this.periodEnd, this.meetingCount, this.contactKinds,
					this.contactFrequency, this.topics);
		}

	}

	record MentorshipRefInput(@NotNull UUID mentorshipId) {
	}

	record AgreementDecisionInput(@NotNull UUID mentorshipId, int version, String comment) {
	}

	record AgreementPayload(AgreementView agreement, MentorshipRef mentorship) {
	}

}
