package nl.ggz.contracts.api.input;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A text field, path variable or query parameter that keeps one of the {@link Text} rules (null passes: whether a value
 * is required is said apart, by {@code @NotNull} or {@code @NotBlank}). The problem names the code point and its
 * position, never the input.
 */
@Documented
@Constraint(validatedBy = ValidText.Check.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.TYPE_USE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface ValidText {

    Text value();

    String message() default "breaks the text rules";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<ValidText, String> {
        private Text rule;

        @Override
        public void initialize(ValidText annotation) {
            rule = annotation.value();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            String problem = rule.problem(value);
            if (problem == null) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            // a message template: its own words only, escaped so that nothing in it is read as an expression
            context.buildConstraintViolationWithTemplate(problem.replaceAll("([\\\\{}$])", "\\\\$1"))
                    .addConstraintViolation();
            return false;
        }
    }
}
