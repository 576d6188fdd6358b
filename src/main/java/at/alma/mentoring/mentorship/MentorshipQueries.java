package at.alma.mentoring.mentorship;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import at.alma.mentoring.platform.DomainException;

import org.springframework.data.domain.Limit;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Sort;
import org.springframework.data.domain.Window;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads of mentorships, always on behalf of a participant: whoever else asks learns
 * nothing, not even that it exists.
 */
@Service
@Transactional(readOnly = true)
class MentorshipQueries {

	private final Mentorships mentorships;

	MentorshipQueries(Mentorships mentorships) {
		this.mentorships = mentorships;
	}

	Mentorship ofParticipant(UUID memberId, UUID mentorshipId) {
		return this.mentorships.findById(mentorshipId)
			.filter((mentorship) -> mentorship.isParticipant(memberId))
			.orElseThrow(() -> DomainException.notFound("Mentorship"));
	}

	Map<UUID, Mentorship> ofParticipant(UUID memberId, Collection<UUID> mentorshipIds) {
		return this.mentorships.findAllById(mentorshipIds)
			.stream()
			.filter((mentorship) -> mentorship.isParticipant(memberId))
			.collect(Collectors.toMap(Mentorship::getId, Function.identity()));
	}

	Window<Mentorship> mine(UUID memberId, List<MentorshipStatus> statuses, Limit limit, ScrollPosition position) {
		Specification<Mentorship> spec = (root, query, cb) -> cb.or(cb.equal(root.get("menteeId"), memberId),
				cb.equal(root.get("mentorId"), memberId));
		if (statuses != null && !statuses.isEmpty()) {
			spec = spec.and((root, query, cb) -> root.get("status").in(statuses));
		}
		return this.mentorships.findBy(spec,
				(query) -> query.sortBy(Sort.by(Sort.Order.desc("requestedAt"), Sort.Order.asc("id")))
					.limit(limit.max())
					.scroll(position));
	}

}
