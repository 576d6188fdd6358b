/**
 * Meeting proposals, scheduling, both-sides confirmation and the calendar.
 */
package at.alma.mentoring.meeting;
