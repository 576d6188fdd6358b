package at.alma.mentoring.notification;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

/**
 * The composer of every mail kind, by wire name, checked when the application starts: a
 * kind that two composers claim, two kinds with one wire name, or a kind of a module's
 * kind enum that no composer builds fail the start, instead of a mail job failing on the
 * day that mail is first sent.
 */
@Component
class MailComposers {

	private final Map<String, Registered<?>> byWireName = new HashMap<>();

	MailComposers(List<MailComposer<?>> composers) {
		Set<Class<?>> kindTypes = new LinkedHashSet<>();
		for (MailComposer<?> composer : composers) {
			register(composer);
			composer.kinds().forEach((kind) -> kindTypes.add(kindType(kind)));
		}
		for (Class<?> type : kindTypes) {
			for (Object kind : type.getEnumConstants()) {
				Registered<?> registered = this.byWireName.get(((MailKind) kind).wireName());
				if (registered == null || registered.kind() != kind) {
					throw new IllegalStateException("No mail composer builds " + type.getSimpleName() + "." + kind);
				}
			}
		}
	}

	private <K extends MailKind> void register(MailComposer<K> composer) {
		if (composer.kinds().isEmpty()) {
			throw new IllegalStateException(composer.getClass().getName() + " builds no mail kind");
		}
		for (K kind : composer.kinds()) {
			Registered<?> before = this.byWireName.put(kind.wireName(), new Registered<>(kind, composer));
			if (before != null) {
				throw new IllegalStateException("Mail kind " + kind.wireName() + " is built by both "
						+ before.composer().getClass().getName() + " (" + before.kind().getClass().getSimpleName()
						+ ") and " + composer.getClass().getName() + " (" + kind.getClass().getSimpleName() + ")");
			}
		}
	}

	/** The kind enum, whose every constant needs a composer. */
	private static Class<?> kindType(MailKind kind) {
		if (!(kind instanceof Enum<?> constant)) {
			throw new IllegalStateException("Mail kinds are enum constants: " + kind);
		}
		return constant.getDeclaringClass();
	}

	/** The wire names of all kinds. */
	Set<String> wireNames() {
		return Set.copyOf(this.byWireName.keySet());
	}

	/** The kind of this wire name; an unknown name fails. */
	MailKind kind(String wireName) {
		return registered(wireName).kind();
	}

	Mail compose(String wireName, MailData data) {
		return registered(wireName).compose(data);
	}

	private Registered<?> registered(String wireName) {
		Registered<?> registered = this.byWireName.get(wireName);
		if (registered == null) {
			throw new IllegalStateException("No mail composer builds the kind " + wireName);
		}
		return registered;
	}

	private record Registered<K extends MailKind>(K kind, MailComposer<K> composer) {

		Mail compose(MailData data) {
			return this.composer.compose(this.kind, data);
		}

	}

}
