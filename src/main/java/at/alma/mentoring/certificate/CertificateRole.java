package at.alma.mentoring.certificate;

/** The side the certificate's holder had in the mentorship. */
enum CertificateRole {

	MENTEE, MENTOR

}
