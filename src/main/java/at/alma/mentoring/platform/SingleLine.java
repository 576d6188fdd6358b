package at.alma.mentoring.platform;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A one-line text a member types (a name, a title, a topic, a place): no control
 * characters (CR, LF, TAB, NUL, … — Unicode category Cc) and no lone surrogate halves.
 * Such a text lands in mail headers, calendar properties and CSV cells, where a line
 * break starts a new field; a lone surrogate is not text at all (MariaDB's utf8mb4 stores
 * it as {@code ?}). Refused as {@code INVALID_INPUT} naming the field.
 */
@Documented
@Constraint(validatedBy = SingleLine.Check.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
public @interface SingleLine {

	String message() default "must be one line without control characters";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/**
	 * The rule; {@link #isSingleLine} also serves texts checked outside Bean Validation.
	 */
	class Check implements ConstraintValidator<SingleLine, CharSequence> {

		@Override
		public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
			return isSingleLine(value);
		}

		public static boolean isSingleLine(CharSequence text) {
			if (text == null) {
				return true;
			}
			for (int i = 0; i < text.length(); i++) {
				char c = text.charAt(i);
				if (Character.getType(c) == Character.CONTROL) {
					return false;
				}
				if (Character.isHighSurrogate(c)) {
					if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
						return false;
					}
					i++;
				}
				else if (Character.isLowSurrogate(c)) {
					return false;
				}
			}
			return true;
		}

	}

}
