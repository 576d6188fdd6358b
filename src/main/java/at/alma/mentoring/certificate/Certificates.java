package at.alma.mentoring.certificate;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;

interface Certificates extends JpaRepository<Certificate, UUID> {

	boolean existsByMentorshipIdAndMemberId(UUID mentorshipId, UUID memberId);

	List<Certificate> findByMemberIdOrderByIssuedOnDesc(UUID memberId);

	Optional<Certificate> findByVerificationCode(String verificationCode);

	long countByMentorshipId(UUID mentorshipId);

}
