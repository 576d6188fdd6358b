package at.alma.mentoring.mentorship;

import java.util.Collection;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

interface Mentorships extends JpaRepository<Mentorship, UUID>, JpaSpecificationExecutor<Mentorship> {

	long countByMenteeIdAndStatus(UUID menteeId, MentorshipStatus status);

	long countByMentorIdAndStatusIn(UUID mentorId, Collection<MentorshipStatus> statuses);

	boolean existsByOpenPairKey(String openPairKey);

}
