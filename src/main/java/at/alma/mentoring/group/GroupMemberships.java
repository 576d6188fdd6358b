package at.alma.mentoring.group;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

/**
 * Reads of memberships; changes go through {@link Group}.
 *
 * A method with a named query of {@link GroupMembership}
 * ({@code GroupMembership.<method name>}) runs that query: Spring Data looks for named
 * queries before it derives one. Hibernate checks the named queries when it starts;
 * Spring Data parses one only when it first runs.
 */
interface GroupMemberships extends JpaRepository<GroupMembership, UUID>, JpaSpecificationExecutor<GroupMembership> {

	List<GroupMemberView> leadersOf(Collection<UUID> groupIds);

	List<GroupMemberView> membershipsOf(UUID memberId, Collection<UUID> groupIds);

}
