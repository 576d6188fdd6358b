/**
 * Feedback requests after meetings, on inactivity and at closure, and their answers.
 */
package at.alma.mentoring.feedback;
