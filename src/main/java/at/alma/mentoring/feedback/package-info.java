/**
 * Feedback requests after meetings, on inactivity and at closure (the facts other modules
 * publish), and their answers.
 */
package at.alma.mentoring.feedback;
