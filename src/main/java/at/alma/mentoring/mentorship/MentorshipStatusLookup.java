package at.alma.mentoring.mentorship;

import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where a mentorship stands, for modules whose rules depend on it (the chat is writable
 * only while ACCEPTED or ACTIVE). Reads the current status; no authorization, the caller
 * has checked who asks.
 */
@Service
@Transactional(readOnly = true)
public class MentorshipStatusLookup {

	private final Mentorships mentorships;

	MentorshipStatusLookup(Mentorships mentorships) {
		this.mentorships = mentorships;
	}

	public Optional<MentorshipStatus> statusOf(UUID mentorshipId) {
		return this.mentorships.findById(mentorshipId).map(Mentorship::getStatus);
	}

}
