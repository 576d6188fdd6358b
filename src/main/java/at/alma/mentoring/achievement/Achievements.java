package at.alma.mentoring.achievement;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

interface Achievements extends JpaRepository<Achievement, UUID>, JpaSpecificationExecutor<Achievement> {

	/** Rows of (member id, kind, count) for the members: totals of many in one query. */
	@Query("""
			select a.memberId, a.kind, count(a) from Achievement a
			where a.memberId in :memberIds
			group by a.memberId, a.kind""")
	List<Object[]> countByMemberAndKind(Collection<UUID> memberIds);

}
