package at.alma.mentoring.mentorship.decline;

import java.time.Clock;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import at.alma.mentoring.member.MemberDirectory;
import at.alma.mentoring.member.MemberSummary;
import at.alma.mentoring.platform.CurrentMember;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** The mentor's own decline template: {@code Me.declineTemplate} and its mutation. */
@Controller
class DeclineTemplateController {

	private final DeclineTexts declineTexts;

	private final MemberDirectory members;

	private final CurrentMember currentMember;

	private final Clock clock;

	DeclineTemplateController(DeclineTexts declineTexts, MemberDirectory members, CurrentMember currentMember,
			Clock clock) {
		this.declineTexts = declineTexts;
		this.members = members;
		this.currentMember = currentMember;
		this.clock = clock;
	}

	@MutationMapping
	SetDeclineTemplatePayload setDeclineTemplate(@Argument @Valid SetDeclineTemplateInput input) {
		MemberSummary mentor = this.members.get(this.currentMember.id());
		return new SetDeclineTemplatePayload(this.declineTexts.store(mentor, input.text(), this.clock.instant()));
	}

	@SchemaMapping(typeName = "Me", field = "declineTemplate")
	String declineTemplate() {
		MemberSummary me = this.members.get(this.currentMember.id());
		return this.declineTexts.templateOf(me.id(), me.language().locale());
	}

	record SetDeclineTemplateInput(@NotNull String text) {
	}

	record SetDeclineTemplatePayload(String declineTemplate) {
	}

}
