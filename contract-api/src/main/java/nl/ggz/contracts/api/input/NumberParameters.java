package nl.ggz.contracts.api.input;

import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

import java.beans.PropertyEditorSupport;
import java.math.BigDecimal;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Numbers in paths and query parameters (year, limit, minUtilisation, a checkpoint id) are plain ASCII decimals. Spring
 * reads them with Integer.decode and new BigDecimal, which also take "0x7EB", "#7EB", "03753" (octal), full-width
 * digits ("２０２７") and "1e999999999": each a way to write a number that nobody means, the last refused only once it
 * reaches the database. The form is checked before anything is parsed, and a refusal is a 400 naming the parameter.
 * <p>
 * Editors, not converters: when a converter refuses, Spring falls back to its default editors, which take all of the
 * above again.
 */
@ControllerAdvice
public class NumberParameters {

    private static final Pattern WHOLE = Pattern.compile("-?[0-9]{1,19}");
    private static final Pattern DECIMAL = Pattern.compile("-?[0-9]{1,19}([.][0-9]{1,19})?");

    @InitBinder
    void plainNumbers(WebDataBinder binder) {
        binder.registerCustomEditor(Integer.class, new Plain(WHOLE, Integer::valueOf));
        binder.registerCustomEditor(int.class, new Plain(WHOLE, Integer::valueOf));
        binder.registerCustomEditor(Long.class, new Plain(WHOLE, Long::valueOf));
        binder.registerCustomEditor(long.class, new Plain(WHOLE, Long::valueOf));
        binder.registerCustomEditor(BigDecimal.class, new Plain(DECIMAL, BigDecimal::new));
    }

    private static final class Plain extends PropertyEditorSupport {
        private final Pattern form;
        private final Function<String, Object> parse;

        Plain(Pattern form, Function<String, Object> parse) {
            this.form = form;
            this.parse = parse;
        }

        @Override
        public void setAsText(String text) {
            if (text == null || text.isEmpty()) {
                // as Spring's own editors: an empty parameter is an absent one
                setValue(null);
            } else if (form.matcher(text).matches()) {
                setValue(parse.apply(text));
            } else {
                throw new IllegalArgumentException("not a plain decimal number");
            }
        }
    }
}
