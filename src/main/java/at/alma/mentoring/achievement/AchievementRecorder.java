package at.alma.mentoring.achievement;

import java.util.UUID;

import at.alma.mentoring.achievement.AchievementKind.Side;
import at.alma.mentoring.group.GroupLeaderAppointed;
import at.alma.mentoring.meeting.MeetingHeld;
import at.alma.mentoring.mentorship.MentorshipActivated;
import at.alma.mentoring.mentorship.MentorshipCompleted;
import at.alma.mentoring.wiki.ArticleCreated;
import at.alma.mentoring.wiki.ArticleRated;
import at.alma.mentoring.wiki.ArticleRevised;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Turns confirmed activity into achievements, synchronously in the transaction that
 * published the event: the achievement commits with the change or not at all. The events
 * of mentorship activity are published only once both sides confirmed (the both-sides
 * rule lives with the aggregates that publish them).
 */
@Component
class AchievementRecorder {

	private final AchievementLedger ledger;

	AchievementRecorder(AchievementLedger ledger) {
		this.ledger = ledger;
	}

	@EventListener
	void on(MentorshipActivated event) {
		both(AchievementKind.AGREEMENT_CONCLUDED, event.mentorshipId(), event.menteeId(), event.mentorId());
	}

	@EventListener
	void on(MeetingHeld event) {
		both(AchievementKind.MEETING_HELD, event.meetingId(), event.menteeId(), event.mentorId());
	}

	@EventListener
	void on(MentorshipCompleted event) {
		both(AchievementKind.MENTORSHIP_COMPLETED, event.mentorshipId(), event.menteeId(), event.mentorId());
	}

	@EventListener
	void on(GroupLeaderAppointed event) {
		this.ledger.record(event.memberId(), AchievementKind.GROUP_LEADERSHIP, event.groupId(), null, null);
	}

	@EventListener
	void on(ArticleCreated event) {
		this.ledger.record(event.authorId(), AchievementKind.ARTICLE_CREATED, event.articleId(), null, null);
	}

	@EventListener
	void on(ArticleRevised event) {
		this.ledger.record(event.authorId(), AchievementKind.ARTICLE_REVISED, event.revisionId(), null, null);
	}

	/** Once per article and rater: changing the stars later earns nothing more. */
	@EventListener
	void on(ArticleRated event) {
		this.ledger.record(event.raterId(), AchievementKind.ARTICLE_RATED, event.articleId(), null, null);
	}

	private void both(AchievementKind kind, UUID sourceId, UUID menteeId, UUID mentorId) {
		this.ledger.recordPair(kind, sourceId, menteeId, mentorId);
	}

}
