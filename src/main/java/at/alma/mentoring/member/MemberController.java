package at.alma.mentoring.member;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import graphql.GraphQLContext;
import jakarta.persistence.criteria.JoinType;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;
import jakarta.validation.Valid;

import at.alma.mentoring.platform.ClientAddress;
import at.alma.mentoring.platform.CurrentMember;
import at.alma.mentoring.platform.Paging;

import org.springframework.data.domain.Window;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.data.query.ScrollSubrange;
import org.springframework.stereotype.Controller;

@Controller
class MemberController {

	private final Accounts accounts;

	private final CurrentMember currentMember;

	private final SignInThrottle signInThrottle;

	private final SignUpThrottle signUpThrottle;

	MemberController(Accounts accounts, CurrentMember currentMember, SignInThrottle signInThrottle,
			SignUpThrottle signUpThrottle) {
		this.accounts = accounts;
		this.currentMember = currentMember;
		this.signInThrottle = signInThrottle;
		this.signUpThrottle = signUpThrottle;
	}

	@MutationMapping
	AuthPayload signUp(@Argument @Valid SignUpInput input, GraphQLContext context) {
		return AuthPayload
			.of(this.signUpThrottle.attempt(ClientAddress.of(context), () -> this.accounts.signUp(input)));
	}

	@MutationMapping
	AuthPayload signIn(@Argument @Valid SignInInput input, GraphQLContext context) {
		return AuthPayload.of(this.signInThrottle.attempt(input.email(), ClientAddress.of(context),
				() -> this.accounts.signIn(input)));
	}

	@QueryMapping
	Profile me() {
		return this.accounts.profile(this.currentMember.id());
	}

	@MutationMapping
	UpdateProfilePayload updateProfile(@Argument @Valid ProfileChanges input) {
		return new UpdateProfilePayload(this.accounts.updateProfile(this.currentMember.id(), input));
	}

	@QueryMapping
	Profile member(@Argument UUID id) {
		this.currentMember.id();
		return this.accounts.publicProfile(id);
	}

	@QueryMapping
	Window<Profile> mentors(@Argument String topic, @Argument Boolean available, @Argument String search,
			@Argument MentorOrder orderBy, ScrollSubrange subrange) {
		this.currentMember.id();
		return this.accounts.mentors(MentorSearch.mentors(topic, available), DirectorySearch.of(search), orderBy,
				Paging.limit(subrange), Paging.position(subrange));
	}

	@SchemaMapping(typeName = "Member", field = "roles")
	List<Role> publicRoles(Profile member) {
		return member.roles().stream().filter((role) -> role != Role.ADMIN).toList();
	}

	@SchemaMapping(typeName = "Member", field = "available")
	Boolean publicAvailability(Profile member) {
		return member.hasRole(Role.MENTOR) ? member.mentorAvailable() : null;
	}

	record AuthPayload(String token, Instant expiresAt, Profile me) {

		static AuthPayload of(Accounts.SignedIn signedIn) {
			return new AuthPayload(signedIn.token().value(), signedIn.token().expiresAt(), signedIn.member());
		}

	}

	record UpdateProfilePayload(Profile me) {
	}

	/**
	 * Directory filters: mentors only, optionally by topic (case-insensitive) and
	 * availability.
	 */
	static final class MentorSearch {

		private MentorSearch() {
		}

		static Specification<Member> mentors(String topic, Boolean available) {
			// suspended members and unverified addresses are not in the directory
			Specification<Member> spec = (root, query, cb) -> cb.and(
					cb.isMember(Role.MENTOR, root.<Set<Role>>get("roles")), cb.isNull(root.get("suspendedAt")),
					cb.isNotNull(root.get("emailVerifiedAt")));
			if (topic != null && !topic.isBlank()) {
				// a correlated EXISTS rather than a join with DISTINCT: the engagement
				// sort orders by an expression that DISTINCT would have to select
				spec = spec.and((root, query, cb) -> {
					Subquery<Integer> withTopic = query.subquery(Integer.class);
					Root<Member> member = withTopic.correlate(root);
					withTopic.select(cb.literal(1))
						.where(cb.equal(cb.lower(member.join("topics", JoinType.INNER)),
								topic.strip().toLowerCase(Locale.ROOT)));
					return cb.exists(withTopic);
				});
			}
			if (available != null) {
				spec = spec.and((root, query, cb) -> cb.equal(root.get("mentorAvailable"), available));
			}
			return spec;
		}

	}

}
