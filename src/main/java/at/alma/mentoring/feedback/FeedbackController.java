package at.alma.mentoring.feedback;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import at.alma.mentoring.member.Participant;
import at.alma.mentoring.platform.CurrentMember;
import at.alma.mentoring.platform.DomainException;
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

	/**
	 * For admins: everyone's feedback, newest request first. Who asks is checked before
	 * the page size.
	 */
	@QueryMapping("feedbackRequests")
	Window<FeedbackRequest> allFeedbackRequests(@Argument UUID mentorshipId, @Argument FeedbackOccasion occasion,
			@Argument Boolean answered, ScrollSubrange subrange) {
		this.currentMember.id();
		if (!this.currentMember.isAdmin()) {
			throw DomainException.forbidden("Only admins read the feedback of all members");
		}
		return this.requests.all(new FeedbackRequests.Filter(mentorshipId, occasion, answered), Paging.limit(subrange),
				Paging.position(subrange));
	}

	/**
	 * Who was asked: for admins, and for the member asked. Anyone else (the holder of a
	 * mail's link answering without a sign-in) gets null: a forwarded link shows no
	 * profile.
	 */
	@SchemaMapping(typeName = "FeedbackRequest", field = "member")
	CompletableFuture<Participant> member(FeedbackRequest request, DataLoader<UUID, Participant> participants) {
		boolean own = this.currentMember.idIfSignedIn().filter(request.getMemberId()::equals).isPresent();
		if (!own && !this.currentMember.isAdmin()) {
			return CompletableFuture.completedFuture(null);
		}
		return participants.load(request.getMemberId());
	}

	record SubmitFeedbackInput(String token, UUID requestId, Integer rating, String text) {
	}

	record SubmitFeedbackPayload(FeedbackRequest feedbackRequest) {
	}

}
