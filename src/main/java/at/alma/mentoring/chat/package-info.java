/**
 * One conversation per accepted mentorship, its messages and the live subscription.
 */
package at.alma.mentoring.chat;
