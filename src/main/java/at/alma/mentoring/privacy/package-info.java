/**
 * The member's own data: the export (GDPR articles 15 and 20) as one ZIP of JSON sections
 * and documents. Each module contributes what it holds about a member through
 * {@link at.alma.mentoring.privacy.PersonalData}, reading its own tables; this module
 * knows none of them and only packs and serves the archive.
 */
package at.alma.mentoring.privacy;
