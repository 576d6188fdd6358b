package at.alma.mentoring.mentorship.agreement;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;

interface AgreementVersions extends JpaRepository<AgreementVersion, UUID> {

	Optional<AgreementVersion> findFirstByMentorshipIdOrderByVersionNumberDesc(UUID mentorshipId);

	Optional<AgreementVersion> findByMentorshipIdAndVersionNumber(UUID mentorshipId, int versionNumber);

	@EntityGraph(attributePaths = "topics")
	List<AgreementVersion> findByMentorshipIdInOrderByVersionNumberAsc(Collection<UUID> mentorshipIds);

}
