package at.alma.mentoring.achievement;

/**
 * What a member achieved, and what kind of thing it came from. Only articles, revisions
 * and groups are public sources: a mentorship or meeting id on two public profiles would
 * tell who mentors whom, and a rated article who rated it.
 */
enum AchievementKind {

	AGREEMENT_CONCLUDED(SourceType.MENTORSHIP, false), MEETING_HELD(SourceType.MEETING, false),
	MENTORSHIP_COMPLETED(SourceType.MENTORSHIP, false), GROUP_LEADERSHIP(SourceType.GROUP, true),
	ARTICLE_CREATED(SourceType.ARTICLE, true), ARTICLE_REVISED(SourceType.ARTICLE_REVISION, true),
	ARTICLE_RATED(SourceType.ARTICLE, false);

	private final SourceType sourceType;

	private final boolean publicSource;

	AchievementKind(SourceType sourceType, boolean publicSource) {
		this.sourceType = sourceType;
		this.publicSource = publicSource;
	}

	SourceType sourceType() {
		return this.sourceType;
	}

	boolean hasPublicSource() {
		return this.publicSource;
	}

	enum SourceType {

		MENTORSHIP, MEETING, GROUP, ARTICLE, ARTICLE_REVISION

	}

	/** The member's side in the mentorship an achievement came from. */
	enum Side {

		MENTEE, MENTOR

	}

}
