/**
 * Accounts, sign-up and sign-in, the private profile (Meine Daten), the public profile
 * and the mentor directory.
 */
package at.alma.mentoring.member;
