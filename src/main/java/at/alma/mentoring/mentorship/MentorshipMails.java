package at.alma.mentoring.mentorship;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import at.alma.mentoring.member.MemberDirectory;
import at.alma.mentoring.member.MemberSummary;
import at.alma.mentoring.notification.Mail;
import at.alma.mentoring.notification.MailData;
import at.alma.mentoring.notification.MailSettings;
import at.alma.mentoring.notification.Recipient;
import at.alma.mentoring.platform.DomainException;

import org.springframework.stereotype.Component;

/**
 * What the mails of the mentorship processes share, built when their
 * {@code mail-delivery} job runs: recipient and other side, the link to the mentorship,
 * and a key naming kind, mentorship, round (agreement version or closure round) and
 * recipient, so a retried job never sends twice. The composers ({@link RequestMails},
 * {@link AgreementMails}, {@link ClosureMails}, …) add what is theirs.
 */
@Component
class MentorshipMails {

	private final Mentorships mentorships;

	private final MemberDirectory members;

	private final MailSettings mailSettings;

	MentorshipMails(Mentorships mentorships, MemberDirectory members, MailSettings mailSettings) {
		this.mentorships = mentorships;
		this.members = members;
		this.mailSettings = mailSettings;
	}

	/**
	 * The mail of {@code kind} about the mentorship {@code data} names; {@code round}
	 * (empty or starting with "/") goes into its key.
	 */
	Mail compose(MentorshipMail kind, MailData data, String round, Details details) {
		UUID mentorshipId = data.uuid(LifecycleProcess.MENTORSHIP_ID);
		Mentorship mentorship = this.mentorships.findById(mentorshipId)
			.orElseThrow(() -> DomainException.notFound("Mentorship"));
		UUID recipientId = kind.recipient(mentorship, data);
		MemberSummary recipient = this.members.get(recipientId);
		MemberSummary other = this.members.get(mentorship.otherThan(recipientId));
		Map<String, Object> model = new HashMap<>();
		model.put("otherName", other.fullName());
		model.put("link", this.mailSettings.frontendUrl() + "/mentorships/" + mentorship.getId());
		model.putAll(details.of(mentorship, recipient));
		String key = kind.template() + "/" + mentorship.getId() + round + "/" + recipient.id();
		return new Mail(key, recipient(recipient), kind.template(), model, other.fullName());
	}

	static Recipient recipient(MemberSummary member) {
		return new Recipient(member.id(), member.email(), member.fullName(), member.language().locale(), member.zone());
	}

	/**
	 * The values a kind's template needs beyond the other side's name and the link (may
	 * be null: templates print them or leave them out).
	 */
	@FunctionalInterface
	interface Details {

		Details NONE = (mentorship, recipient) -> Map.of();

		Map<String, Object> of(Mentorship mentorship, MemberSummary recipient);

	}

}
