/**
 * Groups, their members and their leaders.
 */
package at.alma.mentoring.group;
