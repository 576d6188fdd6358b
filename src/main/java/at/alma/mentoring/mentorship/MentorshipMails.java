package at.alma.mentoring.mentorship;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import at.alma.mentoring.member.MemberDirectory;
import at.alma.mentoring.member.MemberSummary;
import at.alma.mentoring.mentorship.agreement.AgreementApprovalProcess;
import at.alma.mentoring.mentorship.agreement.AgreementLookup;
import at.alma.mentoring.mentorship.agreement.AgreementView;
import at.alma.mentoring.notification.Mail;
import at.alma.mentoring.notification.MailComposer;
import at.alma.mentoring.notification.MailSettings;
import at.alma.mentoring.notification.Mailer;
import at.alma.mentoring.notification.Recipient;
import at.alma.mentoring.platform.DomainException;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The mails of the mentorship processes, built when their {@code mail-delivery} job runs
 * (see {@link at.alma.mentoring.notification.Mailbox}). The key names kind, mentorship,
 * agreement or closure round and recipient, so a retried job never sends twice.
 */
@Component
class MentorshipMails implements MailComposer {

	private final Mentorships mentorships;

	private final MemberDirectory members;

	private final Mailer mailer;

	private final MailSettings mailSettings;

	private final MentorshipSettings settings;

	private final AgreementLookup agreements;

	MentorshipMails(Mentorships mentorships, MemberDirectory members, Mailer mailer, MailSettings mailSettings,
			MentorshipSettings settings, AgreementLookup agreements) {
		this.settings = settings;
		this.agreements = agreements;
		this.mentorships = mentorships;
		this.members = members;
		this.mailer = mailer;
		this.mailSettings = mailSettings;
	}

	@Override
	public Optional<Mail> compose(String kind, Map<String, Object> variables) {
		if (!MentorshipMail.knows(kind)) {
			return Optional.empty();
		}
		MentorshipMail mail = MentorshipMail.valueOf(kind);
		UUID mentorshipId = UUID.fromString((String) variables.get(LifecycleProcess.MENTORSHIP_ID));
		if (mail.name().startsWith("CLOSURE_") || mail.name().startsWith("MENTORSHIP_")) {
			return Optional.of(composeEnd(mail, mentorshipId, variables));
		}
		if (!mail.aboutAgreement()) {
			return Optional.of(compose(mail, mentorshipId, null, null));
		}
		int version = (Integer) variables.get(AgreementApprovalProcess.AGREEMENT_VERSION);
		// an approval happens once per version; the other agreement mails once per
		// submission of it
		Integer submission = (mail == MentorshipMail.AGREEMENT_APPROVED) ? null
				: (Integer) variables.get(AgreementApprovalProcess.AGREEMENT_SUBMISSION);
		return Optional.of(compose(mail, mentorshipId, version, submission));
	}

	/**
	 * Sends one mail of the mentorship now (the mail step's job does this through the
	 * mailbox).
	 */
	@Transactional
	void send(MentorshipMail kind, UUID mentorshipId, Integer agreementVersion, Integer submission) {
		this.mailer.send(compose(kind, mentorshipId, agreementVersion, submission));
	}

	/**
	 * One mail of the mentorship; agreement mails name the version (and submission) they
	 * are about, which is part of their key.
	 */
	@Transactional(readOnly = true)
	Mail compose(MentorshipMail kind, UUID mentorshipId, Integer agreementVersion, Integer submission) {
		Mentorship mentorship = this.mentorships.findById(mentorshipId)
			.orElseThrow(() -> DomainException.notFound("Mentorship"));
		MemberSummary mentee = this.members.get(mentorship.getMenteeId());
		MemberSummary mentor = this.members.get(mentorship.getMentorId());
		boolean toMentor = kind.recipient() == MentorshipMail.Side.MENTOR;
		MemberSummary recipient = toMentor ? mentor : mentee;
		MemberSummary other = toMentor ? mentee : mentor;

		Map<String, Object> model = new HashMap<>();
		model.put("otherName", other.fullName());
		model.put("link", this.mailSettings.frontendUrl() + "/mentorships/" + mentorship.getId());
		if (kind == MentorshipMail.REQUEST_RECEIVED) {
			if (mentorship.getRequestMessage() != null) {
				model.put("requestMessage", mentorship.getRequestMessage());
			}
			model.put("dueDateText", dateTimeFormat(recipient).format(mentorship.getRequestExpiresAt()));
		}
		if (kind == MentorshipMail.REQUEST_DECLINED) {
			model.put("declineMessage", mentorship.getDeclineMessage());
		}
		String round = "";
		if (agreementVersion != null) {
			AgreementView version = this.agreements.version(mentorshipId, agreementVersion)
				.orElseThrow(() -> DomainException.notFound("Agreement version"));
			DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
				.withLocale(recipient.language().locale());
			model.put("version", version.version());
			model.put("periodText", dates.format(version.periodStart()) + " – " + dates.format(version.periodEnd()));
			model.put("meetingCount", version.meetingCount());
			model.put("topics", version.topics());
			model.put("changesComment", version.changesComment());
			round = "/v" + agreementVersion + ((submission != null) ? "." + submission : "");
		}
		String key = kind.template() + "/" + mentorship.getId() + round + "/" + recipient.id();
		return new Mail(key, recipient(recipient), kind.template(), model, other.fullName());
	}

	/**
	 * The mails of the closure and of an early end; their recipient comes from the
	 * process's variables.
	 */
	@Transactional(readOnly = true)
	Mail composeEnd(MentorshipMail kind, UUID mentorshipId, Map<String, Object> variables) {
		Mentorship mentorship = this.mentorships.findById(mentorshipId)
			.orElseThrow(() -> DomainException.notFound("Mentorship"));
		UUID recipientId = switch (kind.recipient()) {
			case CLOSURE_CONFIRMER -> UUID.fromString((String) variables.get(LifecycleProcess.CLOSURE_CONFIRMER_ID));
			case CLOSURE_PROPOSER ->
				mentorship.otherThan(UUID.fromString((String) variables.get(LifecycleProcess.CLOSURE_CONFIRMER_ID)));
			case NOT_TERMINATOR -> mentorship.otherThan(mentorship.getTerminatedBy());
			case NAMED -> "MENTOR".equals(variables.get("to")) ? mentorship.getMentorId() : mentorship.getMenteeId();
			default -> throw new IllegalStateException(kind.name());
		};
		MemberSummary recipient = this.members.get(recipientId);
		MemberSummary other = this.members.get(mentorship.otherThan(recipientId));
		Map<String, Object> model = new HashMap<>();
		model.put("otherName", other.fullName());
		model.put("link", this.mailSettings.frontendUrl() + "/mentorships/" + mentorship.getId());
		model.put("closureDeclineMessage", mentorship.getClosureDeclineMessage());
		model.put("terminationReason", mentorship.getTerminationReason());
		String round = kind.name().startsWith("CLOSURE_") ? "/c" + variables.get("closureRound") : "";
		String key = kind.template() + "/" + mentorship.getId() + round + "/" + recipient.id();
		return new Mail(key, recipient(recipient), kind.template(), model, other.fullName());
	}

	static Recipient recipient(MemberSummary member) {
		return new Recipient(member.email(), member.fullName(), member.language().locale(), member.zone());
	}

	static DateTimeFormatter dateTimeFormat(MemberSummary member) {
		return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT)
			.withLocale(member.language().locale())
			.withZone(member.zone());
	}

}
