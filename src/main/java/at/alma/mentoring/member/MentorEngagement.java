package at.alma.mentoring.member;

import java.util.UUID;

import jakarta.persistence.criteria.AbstractQuery;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Expression;

/**
 * How engaged a mentor is, as a database expression the directory sorts by. Declared here
 * and implemented by the module that records engagement (achievement), so that the
 * directory sorts in one query without this module knowing that module's tables or
 * depending on it.
 */
public interface MentorEngagement {

	/**
	 * The engagement of the member whose id is {@code memberId} by {@code order} (never
	 * {@link MentorOrder#NAME}), e.g. a correlated count subquery of {@code query}.
	 */
	Expression<Long> score(MentorOrder order, Expression<UUID> memberId, AbstractQuery<?> query, CriteriaBuilder cb);

}
