package at.alma.mentoring.achievement;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import at.alma.mentoring.achievement.AchievementKind.Side;
import at.alma.mentoring.achievement.AchievementViews.Mine;
import at.alma.mentoring.achievement.AchievementViews.Public;
import at.alma.mentoring.achievement.AchievementViews.Recent;
import at.alma.mentoring.achievement.AchievementViews.Total;
import at.alma.mentoring.member.MemberDirectory;

import org.springframework.data.domain.Limit;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Sort;
import org.springframework.data.domain.Window;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads of achievements: a member's own list, totals per kind, and the public view of
 * many members at once (a constant number of queries however many).
 */
@Service
@Transactional(readOnly = true)
class AchievementQueries {

	/** The newest public achievements of each member: one query for all members. */
	private static final String RECENT = """
			select id, member_id, kind, source_id, member_role, partner_id, achieved_at from (
			  select a.id, a.member_id, a.kind, a.source_id, a.member_role, a.partner_id, a.achieved_at,
			    row_number() over (partition by a.member_id order by a.achieved_at desc, a.id desc) as position
			  from achievements a where a.member_id in (:memberIds)
			) ranked
			where position <= :limit
			order by member_id, achieved_at desc, id desc""";

	private final Achievements achievements;

	private final NamedParameterJdbcTemplate jdbc;

	private final MemberDirectory members;

	AchievementQueries(Achievements achievements, NamedParameterJdbcTemplate jdbc, MemberDirectory members) {
		this.achievements = achievements;
		this.jdbc = jdbc;
		this.members = members;
	}

	/** The member's achievements, newest first. */
	Window<Mine> mine(UUID memberId, Limit limit, ScrollPosition position) {
		Specification<Achievement> ofMember = (root, query, cb) -> cb.equal(root.get("memberId"), memberId);
		return this.achievements
			.findBy(ofMember,
					(query) -> query.sortBy(Sort.by(Sort.Order.desc("achievedAt"), Sort.Order.desc("id")))
						.limit(limit.max())
						.scroll(position))
			.map(Mine::of);
	}

	/** Per member, a count for every kind (zero included), in the order of the kinds. */
	Map<UUID, List<Total>> totals(Collection<UUID> memberIds) {
		Map<UUID, Map<AchievementKind, Long>> counts = new HashMap<>();
		for (Object[] row : this.achievements.countByMemberAndKind(memberIds)) {
			counts.computeIfAbsent((UUID) row[0], (id) -> new EnumMap<>(AchievementKind.class))
				.put((AchievementKind) row[1], (Long) row[2]);
		}
		Map<UUID, List<Total>> totals = new HashMap<>();
		for (UUID memberId : memberIds) {
			Map<AchievementKind, Long> ofMember = counts.getOrDefault(memberId, Map.of());
			List<Total> list = new ArrayList<>();
			for (AchievementKind kind : AchievementKind.values()) {
				list.add(new Total(kind, ofMember.getOrDefault(kind, 0L)));
			}
			totals.put(memberId, list);
		}
		return totals;
	}

	/**
	 * The newest public achievements of each member; the partner only where the member
	 * and the partner both let their profiles name mentoring partners.
	 */
	Map<Recent, List<Public>> recent(Collection<Recent> keys) {
		Map<Integer, Set<UUID>> byLimit = keys.stream()
			.collect(Collectors.groupingBy(Recent::limit, Collectors.mapping(Recent::memberId, Collectors.toSet())));
		List<Row> rows = new ArrayList<>();
		byLimit.forEach((limit, memberIds) -> rows.addAll(this.jdbc.query(RECENT,
				Map.of("memberIds", memberIds.stream().map(UUID::toString).toList(), "limit", limit),
				(rs, index) -> new Row(limit, UUID.fromString(rs.getString("id")),
						UUID.fromString(rs.getString("member_id")), AchievementKind.valueOf(rs.getString("kind")),
						UUID.fromString(rs.getString("source_id")),
						(rs.getString("member_role") != null) ? Side.valueOf(rs.getString("member_role")) : null,
						(rs.getString("partner_id") != null) ? UUID.fromString(rs.getString("partner_id")) : null,
						rs.getObject("achieved_at", LocalDateTime.class)))));
		Set<UUID> asked = new HashSet<>();
		rows.stream().filter((row) -> row.partnerId() != null).forEach((row) -> {
			asked.add(row.memberId());
			asked.add(row.partnerId());
		});
		Set<UUID> sharing = this.members.sharingMentoringPartners(asked);
		Map<Recent, List<Public>> result = new HashMap<>();
		keys.forEach((key) -> result.put(key, new ArrayList<>()));
		for (Row row : rows) {
			boolean named = row.partnerId() != null && sharing.contains(row.memberId())
					&& sharing.contains(row.partnerId());
			result.get(new Recent(row.memberId(), row.limit()))
				.add(Public.of(row.id(), row.kind(), row.achievedAt().toInstant(ZoneOffset.UTC), row.sourceId(),
						row.side(), named ? row.partnerId() : null));
		}
		return result;
	}

	private record Row(int limit, UUID id, UUID memberId, AchievementKind kind, UUID sourceId, Side side,
			UUID partnerId, LocalDateTime achievedAt) {
	}

}
