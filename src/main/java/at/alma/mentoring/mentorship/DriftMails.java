package at.alma.mentoring.mentorship;

import java.text.NumberFormat;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import at.alma.mentoring.mentorship.agreement.AgreementLookup;
import at.alma.mentoring.mentorship.agreement.AgreementView;
import at.alma.mentoring.notification.Mail;
import at.alma.mentoring.notification.MailComposer;
import at.alma.mentoring.notification.MailData;
import at.alma.mentoring.platform.DomainException;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The mails of the agreement drift check: to both sides, what departs from the agreement
 * in force (its numbers and dates in the recipient's language and time zone) and what
 * they can do; the reminder of the mentee's review. One ask per condition and version,
 * which names the key.
 */
@Component
class DriftMails implements MailComposer<MentorshipMail> {

	private final MentorshipMails mails;

	private final AgreementLookup agreements;

	DriftMails(MentorshipMails mails, AgreementLookup agreements) {
		this.mails = mails;
		this.agreements = agreements;
	}

	@Override
	public Set<MentorshipMail> kinds() {
		return Set.of(MentorshipMail.AGREEMENT_DRIFT, MentorshipMail.AGREEMENT_REVIEW_REMINDER);
	}

	@Override
	@Transactional(readOnly = true)
	public Mail compose(MentorshipMail kind, MailData data) {
		int version = data.integer(LifecycleProcess.DRIFT_VERSION);
		String condition = data.string(LifecycleProcess.DRIFT_CONDITION);
		int held = data.integer(LifecycleProcess.DRIFT_MEETINGS_HELD);
		return this.mails.compose(kind, data, "/v" + version + "/" + condition, (mentorship, recipient) -> {
			AgreementView agreed = this.agreements.version(mentorship.getId(), version)
				.orElseThrow(() -> DomainException.notFound("Agreement version"));
			DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
				.withLocale(recipient.language().locale());
			NumberFormat numbers = NumberFormat.getIntegerInstance(recipient.language().locale());
			Map<String, Object> details = new HashMap<>();
			details.put("driftKey", "agreement-drift." + AgreementDrift.valueOf(condition).name());
			details.put("periodEnd", dates.format(agreed.periodEnd()));
			details.put("meetingsHeld", numbers.format(held));
			details.put("meetingsAgreed", numbers.format(agreed.meetingCount()));
			details.put("version", numbers.format(version));
			details.put("mentee", mentorship.isMentee(recipient.id()));
			return details;
		});
	}

}
