/**
 * The Urkunde: rendering with JasperReports, storage, download and public verification.
 */
package at.alma.mentoring.certificate;
