package at.alma.mentoring.member;

import java.util.List;

import at.alma.mentoring.member.Recommendations.Recommendation;
import at.alma.mentoring.platform.CurrentMember;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

@Controller
class RecommendationController {

	static final int DEFAULT_FIRST = 10;

	private final Recommendations recommendations;

	private final CurrentMember currentMember;

	RecommendationController(Recommendations recommendations, CurrentMember currentMember) {
		this.recommendations = recommendations;
		this.currentMember = currentMember;
	}

	@QueryMapping
	List<Recommendation> recommendedMentors(@Argument Integer first) {
		// an explicit null means the default, as an absent argument does
		return this.recommendations.forMentee(this.currentMember.id(), (first != null) ? first : DEFAULT_FIRST);
	}

}
