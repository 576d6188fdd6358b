package at.alma.mentoring.group;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

/** Reads of memberships; changes go through {@link Group}. */
interface GroupMemberships extends JpaRepository<GroupMembership, UUID>, JpaSpecificationExecutor<GroupMembership> {

	@Query("""
			select new at.alma.mentoring.group.GroupMemberView(m.memberId, m.group.id, m.leader, m.joinedAt)
			from GroupMembership m where m.group.id in :groupIds and m.leader = true order by m.joinNumber""")
	List<GroupMemberView> leadersOf(Collection<UUID> groupIds);

	@Query("""
			select new at.alma.mentoring.group.GroupMemberView(m.memberId, m.group.id, m.leader, m.joinedAt)
			from GroupMembership m where m.group.id in :groupIds and m.memberId = :memberId""")
	List<GroupMemberView> membershipsOf(UUID memberId, Collection<UUID> groupIds);

}
