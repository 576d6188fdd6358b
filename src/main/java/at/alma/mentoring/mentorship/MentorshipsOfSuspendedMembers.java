package at.alma.mentoring.mentorship;

import java.util.EnumSet;
import java.util.UUID;

import at.alma.mentoring.member.MemberDeleted;
import at.alma.mentoring.member.MemberSuspended;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Ends the open business of a suspended member, in the suspension's transaction, through
 * the same paths as the member's own steps, so the other side gets the usual mail and the
 * processes end (no more reminders): a request to them is declined with a neutral text,
 * their own request withdrawn, an accepted or active mentorship ended (TERMINATED) with a
 * neutral reason. There is no "paused" state: a reactivated member starts anew. A member
 * who deletes their account leaves the same way, in the deletion's transaction; their
 * mentorships end with the reason code {@value #ACCOUNT_DELETED}, which the other side's
 * mail says in words ("the other member left the platform").
 */
@Component
class MentorshipsOfSuspendedMembers {

	static final String DECLINE_TEXT = "This mentor is not available for mentoring any more, so your request has ended. "
			+ "Please choose another mentor from the directory.";

	static final String END_REASON = "The account of your mentoring partner is no longer active, "
			+ "so this mentorship has ended. The alma team can help you find a new partner.";

	/**
	 * The stored termination reason of a mentorship whose member deleted their account: a
	 * code, no text of theirs.
	 */
	static final String ACCOUNT_DELETED = "ACCOUNT_DELETED";

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
		end(event.memberId(), END_REASON);
	}

	@EventListener
	void on(MemberDeleted event) {
		end(event.memberId(), ACCOUNT_DELETED);
	}

	private void end(UUID member, String reason) {
		for (Mentorship mentorship : this.mentorships.findOfMember(member,
				EnumSet.of(MentorshipStatus.REQUESTED, MentorshipStatus.ACCEPTED, MentorshipStatus.ACTIVE))) {
			if (mentorship.getStatus() != MentorshipStatus.REQUESTED) {
				this.closures.terminate(member, mentorship.getId(), reason);
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
