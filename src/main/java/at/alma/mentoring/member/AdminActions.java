package at.alma.mentoring.member;

import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface AdminActions extends JpaRepository<AdminAction, UUID>, JpaSpecificationExecutor<AdminAction> {

	/**
	 * Blanks the reasons of the actions about a member who deleted their account: who did
	 * what when stays, the words about the member (a suspension's reason, the request of
	 * an export) go.
	 */
	@Modifying
	@Query("update AdminAction a set a.reason = null where a.memberId = :memberId")
	int forgetReasons(UUID memberId);

}
