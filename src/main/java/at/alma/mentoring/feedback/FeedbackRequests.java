package at.alma.mentoring.feedback;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.criteria.Predicate;

import at.alma.mentoring.notification.Mailbox;
import at.alma.mentoring.platform.DomainException;
import at.alma.mentoring.platform.InvalidInputException;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Limit;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Sort;
import org.springframework.data.domain.Window;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Asks members for feedback on an occasion (a mail with a single-use link), and takes
 * their answers. The occasions are facts other modules publish ({@link FeedbackOccasions}
 * listens); they never call this module. Answers are for the platform team: a member sees
 * their own, never the other side's; admins read all of them.
 */
@Service
public class FeedbackRequests {

	/** The mail's variable naming the request. */
	static final String REQUEST_ID = "feedbackRequestId";

	static final int MAX_TEXT_LENGTH = 4000;

	private final FeedbackRequestRepository requests;

	private final Mailbox mailbox;

	private final FeedbackTokens tokens;

	private final JdbcTemplate jdbc;

	private final Clock clock;

	FeedbackRequests(FeedbackRequestRepository requests, Mailbox mailbox, FeedbackTokens tokens, JdbcTemplate jdbc,
			Clock clock) {
		this.requests = requests;
		this.mailbox = mailbox;
		this.tokens = tokens;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * Asks each member once for feedback on this occasion (an occasion already asked is
	 * skipped, so asking again is harmless) and mails them the link. Runs in the caller's
	 * transaction.
	 */
	@Transactional
	public void request(FeedbackOccasion occasion, String sourceKey, UUID mentorshipId, Collection<UUID> memberIds) {
		for (UUID memberId : memberIds) {
			if (this.requests.existsByMemberIdAndOccasionAndSourceKey(memberId, occasion, sourceKey)) {
				continue;
			}
			UUID id = UUID.randomUUID();
			if (insert(id, memberId, mentorshipId, occasion, sourceKey)) {
				this.mailbox.post(FeedbackMail.FEEDBACK_REQUEST, mentorshipId.toString(),
						Map.of(REQUEST_ID, id.toString()));
			}
		}
	}

	/**
	 * Inserts the request unless the member was asked on this occasion. A transaction
	 * asking at the same moment (the same fact handled twice at once) waits on the first
	 * one's row in the unique index of member, occasion and source and, once that
	 * commits, finds the key taken: it asks nobody and fails nothing, like the
	 * achievements of the same fact. A plain statement rather than the entity, whose
	 * failed insert would leave the persistence context unusable.
	 */
	private boolean insert(UUID id, UUID memberId, UUID mentorshipId, FeedbackOccasion occasion, String sourceKey) {
		try {
			this.jdbc.update(
					"insert into feedback_requests (id, member_id, mentorship_id, occasion, source_key, requested_at, "
							+ "version) values (?, ?, ?, ?, ?, ?, 0)",
					id.toString(), memberId.toString(), mentorshipId.toString(), occasion.name(), sourceKey,
					LocalDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC));
			return true;
		}
		catch (DuplicateKeyException ex) {
			return false;
		}
	}

	/**
	 * Answers through the link of the mail (no sign-in) or, signed in, one's own request.
	 */
	@Transactional
	FeedbackRequest submit(String token, UUID requestId, Optional<UUID> caller, int rating, String text) {
		if (rating < 1 || rating > 5) {
			throw new InvalidInputException("input.rating", "rating must be between 1 and 5");
		}
		if (text != null && text.length() > MAX_TEXT_LENGTH) {
			throw new InvalidInputException("input.text", "At most " + MAX_TEXT_LENGTH + " characters");
		}
		FeedbackRequest request;
		if (token != null) {
			UUID id = this.tokens.verify(token).orElseThrow(() -> DomainException.notFound("Feedback request"));
			request = this.requests.findById(id).orElseThrow(() -> DomainException.notFound("Feedback request"));
		}
		else {
			if (requestId == null) {
				throw new InvalidInputException("input.token", "Give the token from the mail or the request's id");
			}
			UUID memberId = caller.orElseThrow(
					() -> new org.springframework.security.authentication.AuthenticationCredentialsNotFoundException(
							"A feedback token or a sign-in is required"));
			request = this.requests.findById(requestId)
				.filter((candidate) -> candidate.getMemberId().equals(memberId))
				.orElseThrow(() -> DomainException.notFound("Feedback request"));
		}
		request.answer(rating, text, this.clock.instant());
		this.requests.flush();
		return request;
	}

	@Transactional(readOnly = true)
	List<FeedbackRequest> of(UUID memberId) {
		return this.requests.findByMemberIdOrderByRequestedAtDesc(memberId);
	}

	/**
	 * Everyone's feedback requests, newest first, narrowed by whatever the filter names.
	 * For admins only: the controller checks who asks.
	 */
	@Transactional(readOnly = true)
	Window<FeedbackRequest> all(Filter filter, Limit limit, ScrollPosition position) {
		return this.requests.findBy(filter.specification(),
				(query) -> query.sortBy(Sort.by(Sort.Order.desc("requestedAt"), Sort.Order.desc("id")))
					.limit(limit.max())
					.scroll(position));
	}

	/** For tests and operators: the requests of one mentorship and occasion. */
	@Transactional(readOnly = true)
	public long count(UUID mentorshipId, FeedbackOccasion occasion, UUID memberId) {
		return this.requests.findByMentorshipIdAndOccasion(mentorshipId, occasion)
			.stream()
			.filter((request) -> request.getMemberId().equals(memberId))
			.count();
	}

	/**
	 * What an admin narrows the feedback to; a {@code null} field does not narrow.
	 *
	 * @param answered {@code true}: answered requests only, {@code false}: unanswered
	 * only
	 */
	record Filter(UUID mentorshipId, FeedbackOccasion occasion, Boolean answered) {

		Specification<FeedbackRequest> specification() {
			return (root, query, cb) -> {
				List<Predicate> conditions = new ArrayList<>();
				if (this.mentorshipId != null) {
					conditions.add(cb.equal(root.get("mentorshipId"), this.mentorshipId));
				}
				if (this.occasion != null) {
					conditions.add(cb.equal(root.get("occasion"), this.occasion));
				}
				if (this.answered != null) {
					conditions
						.add(this.answered ? cb.isNotNull(root.get("answeredAt")) : cb.isNull(root.get("answeredAt")));
				}
				return cb.and(conditions.toArray(Predicate[]::new));
			};
		}

	}

}
