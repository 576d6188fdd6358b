package at.alma.mentoring.member;

import java.time.Clock;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The member module's API for recording what admins do in other modules, in the
 * transaction of the action ({@code adminActions} lists it).
 */
@Service
public class AdminActionLog {

	private final AdminActions actions;

	private final Clock clock;

	AdminActionLog(AdminActions actions, Clock clock) {
		this.actions = actions;
		this.clock = clock;
	}

	/**
	 * An admin who does not lead the group appointed ({@code appointed} true) or removed
	 * one of its leaders.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void groupLeaderOverride(UUID adminId, UUID groupId, UUID memberId, boolean appointed) {
		this.actions.save(AdminAction.onGroup(adminId,
				appointed ? AdminAction.Kind.APPOINT_GROUP_LEADER : AdminAction.Kind.REMOVE_GROUP_LEADER, memberId,
				groupId, this.clock.instant()));
	}

}
