package at.alma.mentoring.achievement;

import java.util.UUID;

import jakarta.persistence.criteria.AbstractQuery;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;

import at.alma.mentoring.achievement.AchievementKind.Side;
import at.alma.mentoring.member.MentorEngagement;
import at.alma.mentoring.member.MentorOrder;

import org.springframework.stereotype.Component;

/**
 * The mentor directory's engagement sort: how many meetings a mentor held, or mentorships
 * completed, as mentor. A correlated count over the unique index (member, kind, source),
 * computed in the directory's one query; the member module only knows the
 * {@link MentorEngagement} interface it declared.
 */
@Component
class EngagementScore implements MentorEngagement {

	@Override
	public Expression<Long> score(MentorOrder order, Expression<UUID> memberId, AbstractQuery<?> query,
			CriteriaBuilder cb) {
		AchievementKind kind = switch (order) {
			case MEETINGS_HELD -> AchievementKind.MEETING_HELD;
			case MENTORSHIPS_COMPLETED -> AchievementKind.MENTORSHIP_COMPLETED;
			case NAME, RELEVANCE -> throw new IllegalArgumentException(order + " is no engagement");
		};
		Subquery<Long> count = query.subquery(Long.class);
		Root<Achievement> achievement = count.from(Achievement.class);
		count.select(cb.count(achievement))
			.where(cb.equal(achievement.get("memberId"), memberId), cb.equal(achievement.get("kind"), kind),
					cb.equal(achievement.get("side"), Side.MENTOR));
		return count;
	}

}
