package at.alma.mentoring.member;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Order;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;

import at.alma.mentoring.platform.DomainException;
import at.alma.mentoring.platform.InvalidInputException;
import at.alma.mentoring.platform.SecuritySettings;
import at.alma.mentoring.platform.Tokens;
import at.alma.mentoring.platform.Tokens.IssuedToken;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Limit;
import org.springframework.data.domain.OffsetScrollPosition;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Sort;
import org.springframework.data.domain.Window;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.function.SingletonSupplier;

/**
 * Sign-up, sign-in and the own profile. Tokens carry the member id and roles; admins are
 * named in configuration.
 */
@Service
class Accounts {

	/**
	 * Beyond this offset every directory page is empty (a cursor a client made up, or one
	 * far beyond the end).
	 */
	static final long MAX_OFFSET = 1_000_000;

	private final Members members;

	private final PasswordEncoder passwordEncoder;

	private final Tokens tokens;

	private final Clock clock;

	private final Set<String> adminEmails;

	private final ObjectProvider<MentorEngagement> engagement;

	private final EntityManager entityManager;

	private final ObjectProvider<EmailVerifications> verifications;

	private final SearchIndex searchIndex;

	/**
	 * Compared against when the e-mail is unknown, so both failures take the same time.
	 * Hashed on the first such sign-in, as Spring Security's
	 * {@code DaoAuthenticationProvider} does: a BCrypt hash at startup would cost every
	 * start about 0.1 s.
	 */
	private final SingletonSupplier<String> dummyHash;

	Accounts(Members members, PasswordEncoder passwordEncoder, Tokens tokens, Clock clock, SecuritySettings settings,
			ObjectProvider<MentorEngagement> engagement, EntityManager entityManager,
			ObjectProvider<EmailVerifications> verifications, SearchIndex searchIndex) {
		this.verifications = verifications;
		this.searchIndex = searchIndex;
		this.engagement = engagement;
		this.entityManager = entityManager;
		this.members = members;
		this.passwordEncoder = passwordEncoder;
		this.tokens = tokens;
		this.clock = clock;
		this.adminEmails = settings.adminEmails()
			.stream()
			.map((email) -> email.strip().toLowerCase(Locale.ROOT))
			.collect(Collectors.toUnmodifiableSet());
		this.dummyHash = SingletonSupplier.of(() -> passwordEncoder.encode(UUID.randomUUID().toString()));
	}

	@Transactional
	SignedIn signUp(SignUpInput input) {
		requireAsciiAddress(input.email(), "input.email");
		PasswordPolicy.check(input.password(), input.email(), input.firstName(), input.lastName());
		String email = Member.normalizeEmail(input.email());
		if (this.members.existsByEmail(email)) {
			throw emailTaken();
		}
		Set<Role> roles = EnumSet.noneOf(Role.class);
		input.roles().forEach((role) -> roles.add(role.role()));
		Member member = new Member(email, this.passwordEncoder.encode(input.password()), input.firstName(),
				input.lastName(), roles, (input.language() != null) ? input.language() : Language.DE, input.timeZone(),
				this.clock.instant());
		applyConfiguredAdmin(member);
		try {
			this.members.saveAndFlush(member);
		}
		catch (DataIntegrityViolationException ex) {
			// lost the race against a concurrent sign-up with the same address: the
			// unique index decided
			throw emailTaken();
		}
		this.searchIndex.index(member);
		this.verifications.getObject().signedUp(member);
		return signedIn(member);
	}

	@Transactional
	SignedIn signIn(SignInInput input) {
		Member member = this.members.findByEmail(Member.normalizeEmail(input.email())).orElse(null);
		String hash = (member != null) ? member.getPasswordHash() : this.dummyHash.obtain();
		boolean matches = this.passwordEncoder.matches(input.password(), hash);
		if (member == null || !matches) {
			throw DomainException.refused("INVALID_CREDENTIALS", "E-mail address or password is wrong");
		}
		if (member.isSuspended()) {
			// told only to whoever knows the password
			throw suspended();
		}
		applyConfiguredAdmin(member);
		return signedIn(member);
	}

	@Transactional(readOnly = true)
	Profile profile(UUID id) {
		return Profile.of(find(id));
	}

	/** Another member's public profile: none for a deleted account. */
	@Transactional(readOnly = true)
	Profile publicProfile(UUID id) {
		Member member = find(id);
		if (member.isDeleted()) {
			throw DomainException.notFound("Member");
		}
		return Profile.of(member);
	}

	@Transactional
	Profile updateProfile(UUID id, ProfileChanges changes) {
		Member member = find(id);
		Map<String, SearchSource> terms = SearchIndex.terms(member);
		member.apply(changes);
		this.members.flush();
		if (!terms.equals(SearchIndex.terms(member))) {
			this.searchIndex.index(member);
		}
		return Profile.of(member);
	}

	/**
	 * The mentor directory, filtered, optionally searched, sorted by relevance (the
	 * default with a search), by name or by engagement (most first); ties by name, then
	 * id; offset-scrolled. Without a module that measures engagement, engagement sorts as
	 * name.
	 */
	@Transactional(readOnly = true)
	Window<Profile> mentors(Specification<Member> filter, DirectorySearch search, MentorOrder order, Limit limit,
			ScrollPosition position) {
		MentorOrder sort = (order != null) ? order : (search != null) ? MentorOrder.RELEVANCE : MentorOrder.NAME;
		MentorEngagement engagement = this.engagement.getIfAvailable();
		if (sort == MentorOrder.RELEVANCE && search == null
				|| sort != MentorOrder.NAME && sort != MentorOrder.RELEVANCE && engagement == null) {
			sort = MentorOrder.NAME;
		}
		long offset = (position instanceof OffsetScrollPosition offsetPosition && !offsetPosition.isInitial())
				? offsetPosition.getOffset() + 1 : 0;
		if (search != null && search.findsNobody() || offset > MAX_OFFSET) {
			return Window.from(List.of(), ScrollPosition::offset, false);
		}
		if (sort == MentorOrder.NAME && search == null) {
			return this.members.findBy(filter,
					(query) -> query.sortBy(Sort.by("lastName", "firstName", "id")).limit(limit.max()).scroll(position))
				.map(Profile::of);
		}
		CriteriaBuilder cb = this.entityManager.getCriteriaBuilder();
		CriteriaQuery<Member> query = cb.createQuery(Member.class);
		Root<Member> root = query.from(Member.class);
		Predicate where = filter.toPredicate(root, query, cb);
		List<Order> orders = new ArrayList<>();
		if (sort == MentorOrder.RELEVANCE) {
			// the join keeps only the members the search matches
			orders.add(cb.desc(search.joinRelevance(root, query, cb)));
		}
		else {
			if (search != null) {
				where = cb.and(where, search.matches(root.get("id"), query, cb));
			}
			if (sort != MentorOrder.NAME) {
				orders.add(cb.desc(engagement.score(sort, root.get("id"), query, cb)));
			}
		}
		orders.addAll(List.of(cb.asc(root.get("lastName")), cb.asc(root.get("firstName")), cb.asc(root.get("id"))));
		query.select(root).where(where).orderBy(orders);
		int first = (int) offset;
		List<Member> page = this.entityManager.createQuery(query)
			.setFirstResult(first)
			.setMaxResults(limit.max() + 1)
			.getResultList();
		boolean hasNext = page.size() > limit.max();
		List<Profile> content = (hasNext ? page.subList(0, limit.max()) : page).stream().map(Profile::of).toList();
		return Window.from(content, (index) -> ScrollPosition.offset(first + index), hasNext);
	}

	private Member find(UUID id) {
		return this.members.findById(id).orElseThrow(() -> DomainException.notFound("Member"));
	}

	/**
	 * The configured addresses are the admins, once verified: an address added gets ADMIN
	 * at its verification or next sign-in, an address removed loses it at its next
	 * sign-in (tokens issued before keep it until they expire). An account that signed up
	 * with a configured address but never followed the verification link is not an admin.
	 */
	void applyConfiguredAdmin(Member member) {
		if (member.isEmailVerified() && this.adminEmails.contains(member.getEmail())) {
			member.grantAdmin();
		}
		else {
			member.revokeAdmin();
		}
	}

	/** A fresh token for the member (their roles and current token version). */
	SignedIn signedIn(Member member) {
		List<String> roles = member.getRoles().stream().map(Role::name).sorted().toList();
		return new SignedIn(this.tokens.issue(member.getId(), roles, member.getTokenVersion()), Profile.of(member));
	}

	/** Whether the member's address is one of the configured admins'. */
	boolean isConfiguredAdmin(Member member) {
		return this.adminEmails.contains(member.getEmail());
	}

	static DomainException suspended() {
		return DomainException.refused("ACCOUNT_SUSPENDED",
				"This account is suspended; the alma team can tell you more");
	}

	/**
	 * Mail to an address with characters beyond ASCII needs SMTPUTF8 (RFC 6531) from
	 * every server on the way, which we cannot promise: such an address is refused at
	 * sign-up (an internationalized domain works in its ASCII form, {@code xn--…}).
	 */
	static void requireAsciiAddress(String email, String field) {
		if (email != null && !email.chars().allMatch((c) -> c < 128)) {
			throw new InvalidInputException(field, "EMAIL_NOT_ASCII",
					"E-mail addresses with characters beyond ASCII cannot be served; for an internationalized domain, use its ASCII form (xn--…)");
		}
	}

	private static InvalidInputException emailTaken() {
		return new InvalidInputException("input.email", "EMAIL_TAKEN", "An account with this e-mail address exists");
	}

	record SignedIn(IssuedToken token, Profile member) {
	}

}
