package at.alma.mentoring.feedback;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import at.alma.mentoring.member.Participant;
import at.alma.mentoring.platform.CurrentMember;
import at.alma.mentoring.platform.Paging;
import org.dataloader.DataLoader;

import org.springframework.data.domain.Window;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.stereotype.Controller;

@Controller
class FeedbackController {

	private final FeedbackRequests requests;

	private final CurrentMember currentMember;

	FeedbackController(FeedbackRequests requests, CurrentMember currentMember) {
		this.requests = requests;
		this.currentMember = currentMember;
	}

	/** Public with the token from the mail; signed in with a request id of one's own. */
	@MutationMapping
	SubmitFeedbackPayload submitFeedback(@Argument SubmitFeedbackInput input) {
		FeedbackRequest answered = this.requests.submit(input.token(), input.requestId(),
				this.currentMember.idIfSignedIn(), (input.rating() != null) ? input.rating() : 0, input.text());
		return new SubmitFeedbackPayload(answered);
	}

	@SchemaMapping(typeName = "Me", field = "feedbackRequests")
	List<FeedbackRequest> feedbackRequests() {
		return this.requests.of(this.currentMember.id());
	}

	/** For admins: everyone's feedback, newest request first. */
	@QueryMapping
	Window<FeedbackRequest> feedbackRequests(@Argument UUID mentorshipId, @Argument FeedbackOccasion occasion,
			@Argument Boolean answered, ScrollSubrange subrange) {
		this.currentMember.id();
		return this.requests.all(this.currentMember.isAdmin(),
				new FeedbackRequests.Filter(mentorshipId, occasion, answered), Paging.limit(subrange),
				Paging.position(subrange));
	}

	@SchemaMapping(typeName = "FeedbackRequest", field = "member")
	CompletableFuture<Participant> member(FeedbackRequest request, DataLoader<UUID, Participant> participants) {
		return participants.load(request.getMemberId());
	}

	record SubmitFeedbackInput(String token, UUID requestId, Integer rating, String text) {
	}

	record SubmitFeedbackPayload(FeedbackRequest feedbackRequest) {
	}

}
