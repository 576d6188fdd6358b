package at.alma.mentoring.mentorship;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import at.alma.mentoring.mentorship.agreement.AgreementApprovalProcess;
import at.alma.mentoring.mentorship.agreement.AgreementLookup;
import at.alma.mentoring.mentorship.agreement.AgreementView;
import at.alma.mentoring.notification.Mail;
import at.alma.mentoring.notification.MailComposer;
import at.alma.mentoring.notification.MailData;
import at.alma.mentoring.platform.DomainException;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The agreement mails, each about one version of the agreement (its terms in the mail):
 * an approval happens once per version, the other mails once per submission of it, and
 * the key names that round.
 */
@Component
class AgreementMails implements MailComposer<MentorshipMail> {

	private final MentorshipMails mails;

	private final AgreementLookup agreements;

	AgreementMails(MentorshipMails mails, AgreementLookup agreements) {
		this.mails = mails;
		this.agreements = agreements;
	}

	@Override
	public Set<MentorshipMail> kinds() {
		return Set.of(MentorshipMail.AGREEMENT_SUBMITTED, MentorshipMail.AGREEMENT_REMINDER,
				MentorshipMail.AGREEMENT_APPROVED, MentorshipMail.AGREEMENT_CHANGES_REQUESTED);
	}

	@Override
	@Transactional(readOnly = true)
	public Mail compose(MentorshipMail kind, MailData data) {
		int versionNumber = data.integer(AgreementApprovalProcess.AGREEMENT_VERSION);
		Integer submission = (kind == MentorshipMail.AGREEMENT_APPROVED) ? null
				: data.integer(AgreementApprovalProcess.AGREEMENT_SUBMISSION);
		String round = "/v" + versionNumber + ((submission != null) ? "." + submission : "");
		return this.mails.compose(kind, data, round, (mentorship, recipient) -> {
			AgreementView version = this.agreements.version(mentorship.getId(), versionNumber)
				.orElseThrow(() -> DomainException.notFound("Agreement version"));
			DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
				.withLocale(recipient.language().locale());
			Map<String, Object> details = new HashMap<>();
			details.put("version", version.version());
			details.put("periodText", dates.format(version.periodStart()) + " – " + dates.format(version.periodEnd()));
			details.put("meetingCount", version.meetingCount());
			details.put("topics", version.topics());
			details.put("changesComment", version.changesComment());
			return details;
		});
	}

}
