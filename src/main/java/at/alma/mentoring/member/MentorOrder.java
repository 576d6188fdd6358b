package at.alma.mentoring.member;

/**
 * How the mentor directory is sorted: by relevance to a search, by name, or by engagement
 * (most first, then by name).
 */
public enum MentorOrder {

	NAME, MEETINGS_HELD, MENTORSHIPS_COMPLETED, RELEVANCE

}
