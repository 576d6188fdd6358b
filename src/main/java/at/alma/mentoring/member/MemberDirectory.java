package at.alma.mentoring.member;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import at.alma.mentoring.platform.CurrentMember;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The member module's API for the other modules: look members up by id (one query for
 * many), and lock a mentor's row while a capacity decision is made.
 */
@Service
@Transactional(readOnly = true)
public class MemberDirectory {

	private final Members members;

	private final CurrentMember currentMember;

	MemberDirectory(Members members, CurrentMember currentMember) {
		this.members = members;
		this.currentMember = currentMember;
	}

	public Optional<MemberSummary> find(UUID id) {
		return this.members.findById(id).map(MemberSummary::of);
	}

	public MemberSummary get(UUID id) {
		return find(id).orElseThrow(() -> at.alma.mentoring.platform.DomainException.notFound("Member"));
	}

	public Map<UUID, MemberSummary> findAll(Collection<UUID> ids) {
		return this.members.findAllById(ids)
			.stream()
			.map(MemberSummary::of)
			.collect(Collectors.toMap(MemberSummary::id, Function.identity()));
	}

	/**
	 * Participant profiles of many members in one query (plus one per collection,
	 * batched). A deleted member is "a former member" in the language of whoever asks
	 * (one more query, only then).
	 */
	public Map<UUID, Participant> participants(Collection<UUID> ids) {
		List<Member> found = this.members.findAllById(ids);
		Language reader = found.stream().anyMatch(Member::isDeleted) ? readerLanguage() : null;
		return found.stream()
			.map((member) -> member.isDeleted() ? Participant.former(member, reader) : Participant.of(member))
			.collect(Collectors.toMap(Participant::id, Function.identity()));
	}

	private Language readerLanguage() {
		return this.currentMember.idIfSignedIn()
			.flatMap(this.members::findById)
			.map(Member::getLanguage)
			.orElse(Language.EN);
	}

	/**
	 * Which of these members let their public profile name their mentoring partners
	 * ({@code showMentoringPartners}); one query.
	 */
	public Set<UUID> sharingMentoringPartners(Collection<UUID> ids) {
		return ids.isEmpty() ? Set.of() : Set.copyOf(this.members.findIdsSharingMentoringPartners(ids));
	}

	/**
	 * Refuses with {@code EMAIL_NOT_VERIFIED} unless the member has verified their
	 * address: until then they cannot request, accept, message or propose.
	 */
	public void requireVerifiedEmail(UUID memberId) {
		if (!this.members.isEmailVerified(memberId)) {
			throw at.alma.mentoring.platform.DomainException.refused("EMAIL_NOT_VERIFIED",
					"Confirm your e-mail address first: follow the link in the mail we sent you, or ask for a new one");
		}
	}

	/**
	 * Locks the mentor's row until the surrounding transaction ends, so that two
	 * decisions about the same mentor's capacity run one after the other.
	 */
	@Transactional
	public Optional<MentorSlots> lockMentor(UUID mentorId) {
		return this.members.findByIdForUpdate(mentorId)
			.map((member) -> new MentorSlots(member.getId(), member.hasRole(Role.MENTOR),
					member.isMentorAvailable() && !member.isSuspended() && member.isEmailVerified(),
					member.getMentorCapacity()));
	}

	/**
	 * A mentor's availability (the switch, not suspended, address verified) and capacity
	 * at the moment of locking.
	 */
	public record MentorSlots(UUID mentorId, boolean mentor, boolean available, int capacity) {
	}

}
