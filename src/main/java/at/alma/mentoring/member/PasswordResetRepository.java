package at.alma.mentoring.member;

import java.time.Instant;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface PasswordResetRepository extends JpaRepository<PasswordReset, UUID> {

	/**
	 * Marks the reset used, if it was not; 0 when another request used it first (the
	 * conditional update decides a race).
	 */
	@Modifying
	@Query("update PasswordReset r set r.usedAt = :now where r.id = :id and r.usedAt is null")
	int use(UUID id, Instant now);

	/** Ends the member's resets not used yet: a new password makes older links void. */
	@Modifying
	@Query("update PasswordReset r set r.usedAt = :now where r.memberId = :memberId and r.usedAt is null")
	int useAllOf(UUID memberId, Instant now);

	/** Deletes the member's links (a deleted account). */
	@Modifying
	@Query("delete from PasswordReset x where x.memberId = :memberId")
	int deleteByMember(UUID memberId);

}
