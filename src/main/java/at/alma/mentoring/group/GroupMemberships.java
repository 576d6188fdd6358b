package at.alma.mentoring.group;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

/** Reads of memberships; changes go through {@link Group}. */
interface GroupMemberships extends JpaRepository<GroupMembership, UUID>, JpaSpecificationExecutor<GroupMembership> {

	/**
	 * Runs the named query {@code GroupMembership.leadersOf} on {@link GroupMembership}.
	 */
	List<GroupMemberView> leadersOf(Collection<UUID> groupIds);

	/**
	 * Runs the named query {@code GroupMembership.membershipsOf} on
	 * {@link GroupMembership}.
	 */
	List<GroupMemberView> membershipsOf(UUID memberId, Collection<UUID> groupIds);

	/** The groups the member belongs to. */
	@Query("select m.group.id from GroupMembership m where m.memberId = :memberId")
	List<UUID> findGroupIdsOfMember(UUID memberId);

}
