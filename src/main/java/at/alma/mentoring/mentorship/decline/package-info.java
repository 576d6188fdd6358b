/**
 * Decline texts: a mentor's own template for declining requests, the default in the
 * mentee's language, and the filled-in message a declined mentee receives. The request
 * side uses {@link at.alma.mentoring.mentorship.decline.DeclineTexts}.
 */
package at.alma.mentoring.mentorship.decline;
