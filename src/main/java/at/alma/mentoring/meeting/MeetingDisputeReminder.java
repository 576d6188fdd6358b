package at.alma.mentoring.meeting;

import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import at.alma.mentoring.member.MemberDirectory;
import at.alma.mentoring.member.MemberSummary;
import at.alma.mentoring.notification.Mail;
import at.alma.mentoring.notification.MailComposer;
import at.alma.mentoring.notification.MailData;
import at.alma.mentoring.notification.Mailbox;
import at.alma.mentoring.notification.MailSettings;
import at.alma.mentoring.notification.Recipient;
import at.alma.mentoring.platform.SecuritySettings;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@code ${meetingDisputeReminder}}: a dispute waits for an admin. Posts one mail to each
 * configured admin address ({@code mentoring.security.admin-emails}); admins have no
 * language of their own in the configuration, so the mail is English, times in alma's
 * home zone (Europe/Vienna).
 */
@Component("meetingDisputeReminder")
class MeetingDisputeReminder implements JavaDelegate, MailComposer<MeetingMail> {

	static final String ADMIN_EMAIL = "adminEmail";

	private final Mailbox mailbox;

	private final SecuritySettings security;

	private final Meetings meetings;

	private final MemberDirectory members;

	private final MailSettings mail;

	MeetingDisputeReminder(Mailbox mailbox, SecuritySettings security, Meetings meetings, MemberDirectory members,
			MailSettings mail) {
		this.mailbox = mailbox;
		this.security = security;
		this.meetings = meetings;
		this.members = members;
		this.mail = mail;
	}

	@Override
	public void execute(DelegateExecution execution) {
		String meetingId = (String) execution.getVariable(MeetingProcess.MEETING_ID);
		for (String address : this.security.adminEmails()) {
			this.mailbox.post(MeetingMail.MEETING_DISPUTE_REMINDER, execution.getProcessBusinessKey(),
					Map.of(MeetingProcess.MEETING_ID, meetingId, ADMIN_EMAIL, address));
		}
	}

	/** How the mail greets the program office: by its role, not by its address. */
	static final String STAFF_NAME = "alma team";

	@Override
	public Set<MeetingMail> kinds() {
		return Set.of(MeetingMail.MEETING_DISPUTE_REMINDER);
	}

	@Override
	@Transactional(readOnly = true)
	public Mail compose(MeetingMail kind, MailData data) {
		Meeting meeting = this.meetings.findById(data.uuid(MeetingProcess.MEETING_ID)).orElseThrow();
		MemberSummary mentee = this.members.get(meeting.getMenteeId());
		MemberSummary mentor = this.members.get(meeting.getMentorId());
		String address = data.string(ADMIN_EMAIL);
		Map<String, Object> model = new HashMap<>();
		model.put("menteeName", mentee.fullName());
		model.put("mentorName", mentor.fullName());
		model.put("notHeldReason", meeting.getNotHeldReason());
		model.put("meetingId", meeting.getId().toString());
		model.put("link",
				this.mail.frontendUrl() + "/mentorships/" + meeting.getMentorshipId() + "/meetings/" + meeting.getId());
		String key = kind.template() + "/" + meeting.getId() + "//" + address;
		return new Mail(key, new Recipient(address, STAFF_NAME, Locale.ENGLISH, ZoneId.of("Europe/Vienna")),
				kind.template(), model, List.of(), List.of());
	}

}
