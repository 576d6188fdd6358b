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

	/** The phase of the module that holds the account itself: its erasure runs last. */
	int ACCOUNT_PHASE = 100;

	/** Writes this module's sections and documents of the member into the archive. */
	void exportTo(UUID memberId, PersonalDataArchive archive);

	/**
	 * Erases what this module holds about a member who deletes their account, in the
	 * deletion's transaction, from this module's own tables only: personal data goes,
	 * rows others depend on stay with the member id as a pseudonymous reference. Runs
	 * after the member's open business has ended (mentorships, meetings, groups).
	 */
	default void erase(UUID memberId) {
	}

	/**
	 * When {@link #erase} runs among the modules: lower first; the account's module
	 * ({@link #ACCOUNT_PHASE}) last, since the others may still look the member up.
	 */
	default int erasurePhase() {
		return 0;
	}

}
