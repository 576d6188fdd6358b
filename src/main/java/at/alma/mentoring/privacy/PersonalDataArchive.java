package at.alma.mentoring.privacy;

/**
 * The archive a {@link PersonalData} contribution writes into: JSON sections (serialized
 * with the application's JSON settings: instants as ISO-8601 UTC, dates as ISO dates) and
 * binary documents. docs/export.md lists every section and its fields.
 */
public interface PersonalDataArchive {

	/**
	 * A JSON section, stored as {@code <name>.json}; {@code content} is a record, list or
	 * map. A name may be written once.
	 */
	void section(String name, Object content);

	/**
	 * A document such as a certificate PDF, stored under {@code path} (relative,
	 * {@code /}-separated).
	 */
	void document(String path, byte[] content);

}
