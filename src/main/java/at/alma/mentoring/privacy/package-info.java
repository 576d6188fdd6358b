/**
 * The member's own data: the export (GDPR articles 15 and 20) as one ZIP of JSON sections
 * and documents, and the erasure step of an account deletion (article 17). Each module
 * contributes what it holds about a member through
 * {@link at.alma.mentoring.privacy.PersonalData}, reading and erasing its own tables;
 * this module knows none of them and only orchestrates.
 */
package at.alma.mentoring.privacy;
