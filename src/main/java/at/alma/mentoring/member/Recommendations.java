package at.alma.mentoring.member;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Root;

import at.alma.mentoring.platform.DomainException;
import at.alma.mentoring.platform.InvalidInputException;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Mentors for a mentee, best first, each with why. The candidates are the directory's
 * available mentors with a free place whom the mentee may ask (no open request, no
 * decline within the cool-down), found in one query; the topics, fields and languages
 * they share with the mentee in a second, through the indexed compared forms
 * ({@link MatchKey}); the score is computed here over those compact rows. The statements
 * do not depend on how many mentors there are or how many are returned.
 */
@Service
@Transactional(readOnly = true)
class Recommendations {

	private final Members members;

	private final EntityManager entityManager;

	private final ObjectProvider<MentorOpenings> openings;

	private final ObjectProvider<MentorEngagement> engagement;

	private final RecommendationSettings settings;

	private final Clock clock;

	Recommendations(Members members, EntityManager entityManager, ObjectProvider<MentorOpenings> openings,
			ObjectProvider<MentorEngagement> engagement, RecommendationSettings settings, Clock clock) {
		this.members = members;
		this.entityManager = entityManager;
		this.openings = openings;
		this.engagement = engagement;
		this.settings = settings;
		this.clock = clock;
	}

	List<Recommendation> forMentee(UUID menteeId, int first) {
		if (first < 1 || first > this.settings.maxFirst()) {
			throw new InvalidInputException("first", "first must be between 1 and " + this.settings.maxFirst());
		}
		Member mentee = this.members.findById(menteeId).orElseThrow(() -> DomainException.notFound("Member"));
		if (!mentee.hasRole(Role.MENTEE)) {
			throw DomainException.refused("NOT_A_MENTEE", "Recommendations are for members with the mentee role");
		}
		Seeker seeker = Seeker.of(mentee);
		Instant now = this.clock.instant();
		Map<UUID, Candidate> candidates = candidates(menteeId, now.minus(this.settings.declineCoolDown()));
		if (candidates.isEmpty()) {
			return List.of();
		}
		addSharedWords(seeker, candidates);
		Map<String, Integer> offsets = new HashMap<>();
		Function<String, Integer> offset = (zone) -> offsets.computeIfAbsent(zone,
				(id) -> ZoneId.of(id).getRules().getOffset(now).getTotalSeconds());
		int menteeOffset = offset.apply(mentee.getTimeZone());
		List<Scored> best = candidates.values()
			.stream()
			.map((candidate) -> score(seeker, candidate,
					Math.abs(offset.apply(candidate.timeZone()) - menteeOffset) / 3600.0))
			.sorted(Comparator.comparingDouble(Scored::score)
				.reversed()
				.thenComparing((scored) -> scored.candidate().id().toString()))
			.limit(first)
			.toList();
		Map<UUID, Profile> profiles = this.members.findAllById(best.stream().map((s) -> s.candidate().id()).toList())
			.stream()
			.collect(Collectors.toMap(Member::getId, Profile::of));
		return best.stream()
			.map((scored) -> new Recommendation(profiles.get(scored.candidate().id()), scored.score(),
					scored.reasons()))
			.toList();
	}

	/**
	 * The mentors the mentee could ask now: listed in the directory (MENTOR role,
	 * verified address, not suspended) and available, not the mentee, with a free place,
	 * nothing open between the two and no decline since {@code declinedSince}; with each
	 * one's time zone, meeting kinds and meetings held as mentor.
	 */
	private Map<UUID, Candidate> candidates(UUID menteeId, Instant declinedSince) {
		MentorOpenings openings = this.openings.getObject();
		MentorEngagement engagement = this.engagement.getIfAvailable();
		CriteriaBuilder cb = this.entityManager.getCriteriaBuilder();
		CriteriaQuery<Tuple> query = cb.createTupleQuery();
		Root<Member> mentor = query.from(Member.class);
		Expression<UUID> id = mentor.get("id");
		Expression<Long> meetingsHeld = (engagement != null && this.settings.weights().engagement() > 0)
				? engagement.score(MentorOrder.MEETINGS_HELD, id, query, cb) : cb.literal(0L);
		// the directory's own filter: whoever it leaves out (suspended, unverified, and
		// whatever it learns to leave out later) is never recommended either
		query.multiselect(id, mentor.get("timeZone"), mentor.get("meetingKinds"), meetingsHeld)
			.where(MemberController.MentorSearch.mentors(null, Boolean.TRUE).toPredicate(mentor, query, cb),
					cb.notEqual(id, menteeId), openings.hasFreePlace(id, mentor.get("mentorCapacity"), query, cb),
					openings.mayBeAskedBy(menteeId, declinedSince, id, query, cb));
		Map<UUID, Candidate> candidates = new HashMap<>();
		for (Tuple row : this.entityManager.createQuery(query).getResultList()) {
			UUID mentorId = row.get(0, UUID.class);
			Long held = row.get(3, Long.class);
			candidates.put(mentorId, new Candidate(mentorId, row.get(1, String.class),
					ProfileMeetingKind.read(row.get(2, String.class)), (held != null) ? held : 0L));
		}
		return candidates;
	}

	/**
	 * The candidates' topics, fields and languages that the mentee has too (in their
	 * compared form), one query over the index of compared forms.
	 */
	private void addSharedWords(Seeker seeker, Map<UUID, Candidate> candidates) {
		Set<String> keys = new HashSet<>();
		seeker.keys().values().forEach(keys::addAll);
		if (keys.isEmpty()) {
			return;
		}
		List<Object[]> rows = this.entityManager.createQuery("""
				select m.id, k.kind, k.key, k.label, index(k) from Member m join m.matchKeys k
				where k.key in :keys and m.mentorAvailable = true""", Object[].class)
			.setParameter("keys", keys)
			.getResultList();
		for (Object[] row : rows) {
			Candidate candidate = candidates.get((UUID) row[0]);
			MatchKey.Kind kind = (MatchKey.Kind) row[1];
			if (candidate != null && seeker.keys().getOrDefault(kind, Set.of()).contains((String) row[2])) {
				candidate.shared()
					.computeIfAbsent(kind, (k) -> new TreeMap<>())
					.put(((Number) row[4]).intValue(), (String) row[3]);
			}
		}
	}

	private Scored score(Seeker seeker, Candidate candidate, double zoneHours) {
		RecommendationSettings.Weights weights = this.settings.weights();
		List<String> topics = candidate.sharedOf(MatchKey.Kind.TOPIC);
		List<String> fields = candidate.sharedOf(MatchKey.Kind.FIELD);
		List<String> languages = candidate.sharedOf(MatchKey.Kind.LANGUAGE);
		List<ProfileMeetingKind> kinds = seeker.meetingKinds()
			.stream()
			.filter(candidate.meetingKinds()::contains)
			.toList();
		double score = weights.topics() * share(topics.size(), seeker.count(MatchKey.Kind.TOPIC))
				+ weights.fields() * share(fields.size(), seeker.count(MatchKey.Kind.FIELD))
				+ weights.languages() * (languages.isEmpty() ? 0 : 1)
				+ weights.meetingKinds() * share(kinds.size(), seeker.meetingKinds().size())
				+ weights.zone()
						* (1 - Math.min(zoneHours, this.settings.zoneHorizonHours()) / this.settings.zoneHorizonHours())
				+ weights.engagement() * Math.min(candidate.meetingsHeld(), this.settings.engagementSaturation())
						/ this.settings.engagementSaturation();
		// rounded, so that equal parts reached in another order tie (and ties go by id)
		return new Scored(candidate, Math.round(score * 10_000) / 10_000.0,
				new Reasons(topics, fields, languages, kinds, zoneHours, (int) candidate.meetingsHeld()));
	}

	private static double share(int shared, int of) {
		return (of == 0) ? 0 : (double) shared / of;
	}

	/** One mentor recommended: the public profile, the score and why. */
	record Recommendation(Profile mentor, double score, Reasons reasons) {
	}

	/**
	 * Why: the mentor's topics, fields and languages (in the mentor's spelling) the
	 * mentee has too, the mentee's meeting kinds the mentor offers, the hours between the
	 * two time zones now, and the meetings the mentor held as mentor.
	 */
	record Reasons(List<String> matchedTopics, List<String> matchedFields, List<String> matchedLanguages,
			List<ProfileMeetingKind> matchedMeetingKinds, double zoneDifferenceHours, int meetingsHeld) {
	}

	private record Scored(Candidate candidate, double score, Reasons reasons) {
	}

	/** What the mentee seeks: compared forms by kind, and meeting kinds. */
	private record Seeker(Map<MatchKey.Kind, Set<String>> keys, Set<ProfileMeetingKind> meetingKinds) {

		static Seeker of(Member mentee) {
			Map<MatchKey.Kind, Set<String>> keys = new EnumMap<>(MatchKey.Kind.class);
			for (MatchKey key : mentee.getMatchKeys()) {
				keys.computeIfAbsent(key.getKind(), (kind) -> new HashSet<>()).add(key.getKey());
			}
			return new Seeker(keys, mentee.getMeetingKinds());
		}

		int count(MatchKey.Kind kind) {
			return this.keys.getOrDefault(kind, Set.of()).size();
		}

	}

	/** A candidate mentor as one compact row, and what they share with the mentee. */
	private record Candidate(UUID id, String timeZone, Set<ProfileMeetingKind> meetingKinds, long meetingsHeld,
			Map<MatchKey.Kind, TreeMap<Integer, String>> shared) {

		Candidate(UUID id, String timeZone, Set<ProfileMeetingKind> meetingKinds, long meetingsHeld) {
			this(id, timeZone, meetingKinds, meetingsHeld, new EnumMap<>(MatchKey.Kind.class));
		}

		List<String> sharedOf(MatchKey.Kind kind) {
			TreeMap<Integer, String> labels = this.shared.get(kind);
			return (labels == null) ? List.of() : new ArrayList<>(labels.values());
		}

	}

}
