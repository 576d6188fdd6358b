/**
 * The Erfolge: achievements recorded from confirmed activity, counted and shown publicly.
 */
package at.alma.mentoring.achievement;
