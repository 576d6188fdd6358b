package at.alma.mentoring.achievement;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

import at.alma.mentoring.achievement.AchievementKind.Side;
import at.alma.mentoring.achievement.AchievementKind.SourceType;

/** The shapes the API gives achievements, read in one transaction. */
final class AchievementViews {

	private AchievementViews() {
	}

	/** The member's own achievement: everything, the other side included. */
	record Mine(UUID id, AchievementKind kind, Instant achievedAt, Source source, Side role, UUID partnerId) {

		static Mine of(Achievement achievement) {
			return new Mine(achievement.getId(), achievement.getKind(), achievement.getAchievedAt(),
					new Source(achievement.getSourceType(), achievement.getSourceId()), achievement.getSide(),
					achievement.getPartnerId());
		}

	}

	/**
	 * An achievement as every member sees it on the public profile: the day only (exact
	 * times of both sides would pair them up), a source only where it is public, the
	 * partner only when both sides allow it. {@code id} stays internal.
	 */
	record Public(UUID id, AchievementKind kind, LocalDate achievedOn, Side role, Source source, UUID partnerId) {

		static Public of(UUID id, AchievementKind kind, Instant achievedAt, UUID sourceId, Side role,
				UUID visiblePartnerId) {
			return new Public(id, kind, LocalDate.ofInstant(achievedAt, ZoneOffset.UTC), role,
					kind.hasPublicSource() ? new Source(kind.sourceType(), sourceId) : null, visiblePartnerId);
		}

	}

	record Source(SourceType type, UUID id) {
	}

	record Total(AchievementKind kind, long count) {
	}

	/** The other side of a mentorship achievement: pseudonymised. */
	record Partner(UUID id, String displayName) {
	}

	/** Whose achievements the private {@code MyAchievements} shows. */
	record OfMe(UUID memberId) {
	}

	/** Whose achievements the public {@code PublicAchievements} shows. */
	record OfMember(UUID memberId) {
	}

	/** A batch key: the newest {@code limit} public achievements of a member. */
	record Recent(UUID memberId, int limit) {
	}

}
