package at.alma.mentoring.feedback;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

interface FeedbackRequestRepository
		extends JpaRepository<FeedbackRequest, UUID>, JpaSpecificationExecutor<FeedbackRequest> {

	boolean existsByMemberIdAndOccasionAndSourceKey(UUID memberId, FeedbackOccasion occasion, String sourceKey);

	List<FeedbackRequest> findByMemberIdOrderByRequestedAtDesc(UUID memberId);

	List<FeedbackRequest> findByMentorshipIdAndOccasion(UUID mentorshipId, FeedbackOccasion occasion);

}
