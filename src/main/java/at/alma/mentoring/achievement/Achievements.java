package at.alma.mentoring.achievement;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

/**
 * A method with a named query of {@link Achievement} ({@code Achievement.<method name>})
 * runs that query: Spring Data looks for named queries before it derives one. Hibernate
 * checks the named queries when it starts; Spring Data parses one only when it first
 * runs.
 */
interface Achievements extends JpaRepository<Achievement, UUID>, JpaSpecificationExecutor<Achievement> {

	/** Rows of (member id, kind, count) for the members: totals of many in one query. */
	List<Object[]> countByMemberAndKind(Collection<UUID> memberIds);

}
