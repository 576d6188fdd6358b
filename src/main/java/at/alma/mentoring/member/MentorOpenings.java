package at.alma.mentoring.member;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.criteria.AbstractQuery;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Predicate;

/**
 * Whether a mentor can take a mentee now, as database predicates the recommendations
 * filter by. Declared here and implemented by the module that owns mentorships, so that
 * recommendations filter in one query without this module knowing that module's tables or
 * depending on it (as {@link MentorEngagement} does for the directory's sort).
 */
public interface MentorOpenings {

	/**
	 * The mentor whose id is {@code mentorId} holds fewer mentorships that take a place
	 * (accepted or active) than {@code capacity}.
	 */
	Predicate hasFreePlace(Expression<UUID> mentorId, Expression<Integer> capacity, AbstractQuery<?> query,
			CriteriaBuilder cb);

	/**
	 * The mentee has no open request or mentorship with the mentor, and the mentor
	 * declined none of the mentee's requests after {@code declinedSince}.
	 */
	Predicate mayBeAskedBy(UUID menteeId, Instant declinedSince, Expression<UUID> mentorId, AbstractQuery<?> query,
			CriteriaBuilder cb);

}
