package at.alma.mentoring.mentorship;

import java.util.EnumSet;
import java.util.UUID;

import at.alma.mentoring.member.MemberSuspended;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Ends the open business of a suspended member, in the suspension's transaction, through
 * the same paths as the member's own steps, so the other side gets the usual mail and the
 * processes end (no more reminders): a request to them is declined with a neutral text,
 * their own request withdrawn, an accepted or active mentorship ended (TERMINATED) with a
 * neutral reason. There is no "paused" state: a reactivated member starts anew.
 */
@Component
class MentorshipsOfSuspendedMembers {

	static final String DECLINE_TEXT = "This mentor is not available for mentoring any more, so your request has ended. "
			+ "Please choose another mentor from the directory.";

	static final String END_REASON = "The account of your mentoring partner is no longer active, "
			+ "so this mentorship has ended. The alma team can help you find a new partner.";

	private final Mentorships mentorships;

	private final MentorshipRequests requests;

	private final Closures closures;

	MentorshipsOfSuspendedMembers(Mentorships mentorships, MentorshipRequests requests, Closures closures) {
		this.mentorships = mentorships;
		this.requests = requests;
		this.closures = closures;
	}

	@EventListener
	void on(MemberSuspended event) {
		UUID member = event.memberId();
		for (Mentorship mentorship : this.mentorships.findOfMember(member,
				EnumSet.of(MentorshipStatus.REQUESTED, MentorshipStatus.ACCEPTED, MentorshipStatus.ACTIVE))) {
			if (mentorship.getStatus() != MentorshipStatus.REQUESTED) {
				this.closures.terminate(member, mentorship.getId(), END_REASON);
			}
			else if (mentorship.getMentorId().equals(member)) {
				this.requests.decline(member, mentorship.getId(), DECLINE_TEXT);
			}
			else {
				this.requests.withdraw(member, mentorship.getId());
			}
		}
	}

}
