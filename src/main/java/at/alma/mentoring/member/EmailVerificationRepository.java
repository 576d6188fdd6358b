package at.alma.mentoring.member;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface EmailVerificationRepository extends JpaRepository<EmailVerification, UUID> {

	/**
	 * Marks the link used, if it was not; 0 when another request used it first (the
	 * conditional update decides a race).
	 */
	@Modifying
	@Query("update EmailVerification v set v.usedAt = :now where v.id = :id and v.usedAt is null")
	int use(UUID id, Instant now);

	/** The members whose links name the address, as the new or the previous one. */
	@Query("select distinct v.memberId from EmailVerification v where v.email = :email or v.previousEmail = :email")
	List<UUID> findMemberIdsByAddress(String email);

	/**
	 * Every address the member's links name, the earlier ones of an address change too
	 * (as long as the links are kept).
	 */
	@Query("select v.email from EmailVerification v where v.memberId = :memberId"
			+ " union select v.previousEmail from EmailVerification v where v.memberId = :memberId and v.previousEmail is not null")
	List<String> findAddressesByMember(UUID memberId);

	/** Deletes the member's links (a deleted account). */
	@Modifying
	@Query("delete from EmailVerification x where x.memberId = :memberId")
	int deleteByMember(UUID memberId);

}
