package at.alma.mentoring.mentorship;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.dataloader.DataLoader;

import at.alma.mentoring.member.Participant;
import at.alma.mentoring.platform.CurrentMember;
import at.alma.mentoring.platform.Paging;
import at.alma.mentoring.workflow.WorkflowTask;

import org.springframework.data.domain.Window;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.stereotype.Controller;

@Controller
class MentorshipController {

	private final MentorshipRequests requests;

	private final MentorshipQueries queries;

	private final Closures closures;

	private final CurrentMember currentMember;

	MentorshipController(MentorshipRequests requests, MentorshipQueries queries, Closures closures,
			CurrentMember currentMember) {
		this.requests = requests;
		this.closures = closures;
		this.queries = queries;
		this.currentMember = currentMember;
	}

	@QueryMapping
	Mentorship mentorship(@Argument UUID id) {
		return this.queries.ofParticipant(this.currentMember.id(), id);
	}

	@QueryMapping
	Window<Mentorship> myMentorships(@Argument List<MentorshipStatus> status, ScrollSubrange subrange) {
		return this.queries.mine(this.currentMember.id(), status, Paging.limit(subrange), Paging.position(subrange));
	}

	@MutationMapping
	MentorshipPayload requestMentorship(@Argument @Valid RequestMentorshipInput input) {
		return new MentorshipPayload(this.requests.request(this.currentMember.id(), input.mentorId(), input.message()));
	}

	@MutationMapping
	MentorshipPayload withdrawMentorshipRequest(@Argument @Valid MentorshipRefInput input) {
		return new MentorshipPayload(this.requests.withdraw(this.currentMember.id(), input.mentorshipId()));
	}

	@MutationMapping
	MentorshipPayload acceptMentorshipRequest(@Argument @Valid MentorshipRefInput input) {
		return new MentorshipPayload(this.requests.accept(this.currentMember.id(), input.mentorshipId()));
	}

	@MutationMapping
	MentorshipPayload declineMentorshipRequest(@Argument @Valid DeclineMentorshipRequestInput input) {
		return new MentorshipPayload(
				this.requests.decline(this.currentMember.id(), input.mentorshipId(), input.message()));
	}

	@MutationMapping
	MentorshipPayload proposeClosure(@Argument @Valid MentorshipRefInput input) {
		return new MentorshipPayload(this.closures.propose(this.currentMember.id(), input.mentorshipId()));
	}

	@MutationMapping
	MentorshipPayload confirmClosure(@Argument @Valid MentorshipRefInput input) {
		return new MentorshipPayload(this.closures.confirm(this.currentMember.id(), input.mentorshipId()));
	}

	@MutationMapping
	MentorshipPayload declineClosure(@Argument @Valid DeclineClosureInput input) {
		return new MentorshipPayload(
				this.closures.decline(this.currentMember.id(), input.mentorshipId(), input.message()));
	}

	@MutationMapping
	MentorshipPayload terminateMentorship(@Argument @Valid TerminateMentorshipInput input) {
		return new MentorshipPayload(
				this.closures.terminate(this.currentMember.id(), input.mentorshipId(), input.reason()));
	}

	@SchemaMapping(typeName = "Mentorship", field = "closure")
	ClosureView closure(Mentorship mentorship) {
		if (mentorship.getClosureProposedBy() == null) {
			return null;
		}
		UUID caller = this.currentMember.id();
		String proposedBy = mentorship.isMentor(mentorship.getClosureProposedBy()) ? "MENTOR" : "MENTEE";
		return new ClosureView(proposedBy, mentorship.getClosureProposedAt(),
				!mentorship.getClosureProposedBy().equals(caller));
	}

	@SchemaMapping(typeName = "Mentorship", field = "myRole")
	String myRole(Mentorship mentorship) {
		return mentorship.getMentorId().equals(this.currentMember.id()) ? "MENTOR" : "MENTEE";
	}

	@SchemaMapping(typeName = "Mentorship", field = "mentee")
	CompletableFuture<Participant> mentee(Mentorship mentorship, DataLoader<UUID, Participant> participants) {
		return participants.load(mentorship.getMenteeId());
	}

	@SchemaMapping(typeName = "Mentorship", field = "mentor")
	CompletableFuture<Participant> mentor(Mentorship mentorship, DataLoader<UUID, Participant> participants) {
		return participants.load(mentorship.getMentorId());
	}

	/**
	 * The edge from a task (workflow knows only its business key) to the caller's
	 * mentorship.
	 */
	@BatchMapping(typeName = "Task", field = "mentorship")
	Map<WorkflowTask, Mentorship> taskMentorship(List<WorkflowTask> tasks) {
		Map<UUID, Mentorship> byId = this.queries.ofParticipant(this.currentMember.id(),
				tasks.stream().map((task) -> UUID.fromString(task.businessKey())).collect(Collectors.toSet()));
		return tasks.stream()
			.filter((task) -> byId.containsKey(UUID.fromString(task.businessKey())))
			.collect(Collectors.toMap(Function.identity(), (task) -> byId.get(UUID.fromString(task.businessKey()))));
	}

	record RequestMentorshipInput(@NotNull UUID mentorId, String message) {
	}

	record MentorshipRefInput(@NotNull UUID mentorshipId) {
	}

	record DeclineMentorshipRequestInput(@NotNull UUID mentorshipId, String message) {
	}

	record DeclineClosureInput(@NotNull UUID mentorshipId, String message) {
	}

	record TerminateMentorshipInput(@NotNull UUID mentorshipId, String reason) {
	}

	record ClosureView(String proposedBy, Instant proposedAt, boolean awaitingMyAnswer) {
	}

	record MentorshipPayload(Mentorship mentorship) {
	}

}
