package at.alma.mentoring.feedback;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

import at.alma.mentoring.member.MemberDirectory;
import at.alma.mentoring.member.MemberSummary;
import at.alma.mentoring.notification.Mail;
import at.alma.mentoring.notification.MailComposer;
import at.alma.mentoring.notification.MailData;
import at.alma.mentoring.notification.MailSettings;
import at.alma.mentoring.notification.Recipient;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The feedback request mail: a link with the request's single-use token. */
@Component
class FeedbackMails implements MailComposer<FeedbackMail> {

	private final FeedbackRequestRepository requests;

	private final MemberDirectory members;

	private final FeedbackTokens tokens;

	private final MailSettings settings;

	FeedbackMails(FeedbackRequestRepository requests, MemberDirectory members, FeedbackTokens tokens,
			MailSettings settings) {
		this.requests = requests;
		this.members = members;
		this.tokens = tokens;
		this.settings = settings;
	}

	@Override
	public Set<FeedbackMail> kinds() {
		return Set.of(FeedbackMail.FEEDBACK_REQUEST);
	}

	@Override
	@Transactional(readOnly = true)
	public Mail compose(FeedbackMail kind, MailData data) {
		UUID id = data.uuid(FeedbackRequests.REQUEST_ID);
		FeedbackRequest request = this.requests.findById(id).orElseThrow();
		MemberSummary member = this.members.get(request.getMemberId());
		String template = "feedback-" + request.getOccasion().name().toLowerCase();
		String link = this.settings.frontendUrl() + "/feedback?token=" + this.tokens.tokenFor(id);
		return new Mail("feedback-request/" + id, new Recipient(member.id(), member.email(), member.fullName(),
				member.language().locale(), member.zone()), template, Map.of("link", link));
	}

}
