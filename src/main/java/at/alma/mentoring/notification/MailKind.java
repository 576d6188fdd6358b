package at.alma.mentoring.notification;

/**
 * A kind of mail a module sends. Each module names its kinds in an enum implementing this
 * interface, and one {@link MailComposer} builds each kind.
 */
public interface MailKind {

	/**
	 * The kind's name in a {@code mail-delivery} instance's variable and in the
	 * {@code mail} input parameter of a BPMN mail step. Running instances and released
	 * process versions carry it, so it never changes: a renamed kind is a new kind, and
	 * the old name stays handled while any instance or version may name it.
	 */
	String wireName();

}
