package at.alma.mentoring.certificate;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface Certificates extends JpaRepository<Certificate, UUID> {

	boolean existsByMentorshipIdAndMemberId(UUID mentorshipId, UUID memberId);

	List<Certificate> findByMemberIdOrderByIssuedOnDesc(UUID memberId);

	Optional<Certificate> findByVerificationCode(String verificationCode);

	long countByMentorshipId(UUID mentorshipId);

	/** The certificates of the other sides of the member's mentorships. */
	@Query("select c from Certificate c where c.memberId <> :memberId and c.mentorshipId in"
			+ " (select o.mentorshipId from Certificate o where o.memberId = :memberId)")
	List<Certificate> findOfOtherSide(UUID memberId);

}
