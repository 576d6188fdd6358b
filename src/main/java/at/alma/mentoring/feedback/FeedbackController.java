package at.alma.mentoring.feedback;

import java.util.List;
import java.util.UUID;

import at.alma.mentoring.platform.CurrentMember;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
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

	record SubmitFeedbackInput(String token, UUID requestId, Integer rating, String text) {
	}

	record SubmitFeedbackPayload(FeedbackRequest feedbackRequest) {
	}

}
