package at.alma.mentoring.mentorship;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.criteria.AbstractQuery;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Path;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;

import at.alma.mentoring.member.MentorOpenings;

import org.springframework.stereotype.Component;

/**
 * The recommendations' view of mentorships: a mentor's free places, and whether a mentee
 * may ask them (nothing open between the two, no recent decline). Correlated subqueries
 * over the indexes (mentor, status) and (mentee, status), computed in the
 * recommendations' one query.
 */
@Component
class OpeningsOfMentors implements MentorOpenings {

	@Override
	public Predicate hasFreePlace(Expression<UUID> mentorId, Expression<Integer> capacity, AbstractQuery<?> query,
			CriteriaBuilder cb) {
		Subquery<Long> taken = query.subquery(Long.class);
		Root<Mentorship> mentorship = taken.from(Mentorship.class);
		taken.select(cb.count(mentorship))
			.where(cb.equal(mentorship.get("mentorId"), mentorId),
					mentorship.get("status").in(MentorshipStatus.ACCEPTED, MentorshipStatus.ACTIVE));
		return cb.lt(taken, capacity);
	}

	@Override
	public Predicate mayBeAskedBy(UUID menteeId, Instant declinedSince, Expression<UUID> mentorId,
			AbstractQuery<?> query, CriteriaBuilder cb) {
		Subquery<Integer> between = query.subquery(Integer.class);
		Root<Mentorship> mentorship = between.from(Mentorship.class);
		Path<MentorshipStatus> status = mentorship.get("status");
		between.select(cb.literal(1))
			.where(cb.equal(mentorship.get("menteeId"), menteeId), cb.equal(mentorship.get("mentorId"), mentorId),
					cb.or(status.in(MentorshipStatus.REQUESTED, MentorshipStatus.ACCEPTED, MentorshipStatus.ACTIVE),
							cb.and(cb.equal(status, MentorshipStatus.DECLINED),
									cb.greaterThan(mentorship.get("decidedAt"), declinedSince))));
		return cb.not(cb.exists(between));
	}

}
