package at.alma.mentoring.achievement;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

import at.alma.mentoring.achievement.AchievementKind.Side;
import at.alma.mentoring.achievement.AchievementKind.SourceType;

/**
 * One Erfolg of one member: its kind, when, and the thing it came from. Written only by
 * {@link AchievementLedger} (insert-if-absent), never changed; read here.
 */
@Entity
@NamedQuery(name = "Achievement.countByMemberAndKind", query = """
		select a.memberId, a.kind, count(a) from Achievement a
		where a.memberId in :memberIds
		group by a.memberId, a.kind""")
@Immutable
@Table(name = "achievements")
class Achievement {

	@Id
	private UUID id;

	private UUID memberId;

	@Enumerated(EnumType.STRING)
	private AchievementKind kind;

	@Enumerated(EnumType.STRING)
	private SourceType sourceType;

	private UUID sourceId;

	@Enumerated(EnumType.STRING)
	@Column(name = "member_role")
	private Side side;

	private UUID partnerId;

	private Instant achievedAt;

	protected Achievement() {
	}

	UUID getId() {
		return this.id;
	}

	UUID getMemberId() {
		return this.memberId;
	}

	AchievementKind getKind() {
		return this.kind;
	}

	SourceType getSourceType() {
		return this.sourceType;
	}

	UUID getSourceId() {
		return this.sourceId;
	}

	Side getSide() {
		return this.side;
	}

	UUID getPartnerId() {
		return this.partnerId;
	}

	Instant getAchievedAt() {
		return this.achievedAt;
	}

}
