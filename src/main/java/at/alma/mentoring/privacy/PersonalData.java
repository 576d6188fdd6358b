package at.alma.mentoring.privacy;

import java.util.UUID;

/**
 * What a module holds about a member, contributed to the member's export (implemented by
 * the modules that hold personal data). A contribution reads its own tables with a fixed
 * number of statements, whatever the member's number of mentorships, and writes only what
 * the member may see: their own data and what they share with the other side of a
 * mentorship, never the other side's private data (e-mail address, feedback answers).
 */
public interface PersonalData {

	/** Writes this module's sections and documents of the member into the archive. */
	void exportTo(UUID memberId, PersonalDataArchive archive);

}
