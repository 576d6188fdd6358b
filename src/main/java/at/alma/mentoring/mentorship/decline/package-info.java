/**
 * Decline texts: a mentor's own template for declining requests, the default in the
 * mentee's language, and the filled-in message a declined mentee receives.
 * {@link at.alma.mentoring.mentorship.decline.DeclineTexts} is what the request side
 * uses.
 */
package at.alma.mentoring.mentorship.decline;
