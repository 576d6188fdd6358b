package at.alma.mentoring.achievement;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

interface Achievements extends JpaRepository<Achievement, UUID>, JpaSpecificationExecutor<Achievement> {

	/**
	 * Rows of (member id, kind, count) for the members: totals of many in one query. Runs
	 * the named query {@code Achievement.countByMemberAndKind} on {@link Achievement}.
	 */
	List<Object[]> countByMemberAndKind(Collection<UUID> memberIds);

}
