package nl.ggz.contracts.api.input;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The text rules of the API (README "Input rules"), and that every text a controller of the API takes keeps one. */
class TextRulesTest {

    @Test
    void idsAreOneTo64VisibleAsciiCharacters() {
        for (String id : List.of("ZPM-000001", UUID.randomUUID() + "-2027", "p-7f3a9c", "!~", "x".repeat(64))) {
            assertThat(Text.ID.problem(id)).as(id).isNull();
        }
        assertThat(Text.ID.problem("")).startsWith("is empty");
        assertThat(Text.ID.problem("x".repeat(65))).startsWith("is longer than 64 characters (65)");
        assertThat(Text.ID.problem("a b")).startsWith("holds U+0020 (a space) at position 2");
        assertThat(Text.ID.problem("café")).startsWith("holds U+00E9 at position 4");
        assertThat(Text.ID.problem("p\u200b1")).startsWith("holds U+200B (an invisible format character)");
        assertThat(Text.ID.problem("１２３")).startsWith("holds U+FF11");
    }

    @Test
    void codesAreLettersAndDigitsAndDecimalsDigitsAndPoints() {
        assertThat(Text.CODE.problem("CO0142")).isNull();
        assertThat(Text.CODE.problem("CO-0142")).startsWith("holds U+002D at position 3");
        assertThat(Text.DECIMAL.problem("92.50")).isNull();
        assertThat(Text.DECIMAL.problem("9E2")).startsWith("holds U+0045");
    }

    @Test
    void freeTextTakesTabsAndLineBreaksButNoOtherControl() {
        assertThat(Text.FREE_TEXT.problem("regel 1\r\nregel 2\tvervolg — één € 🙂 عربى ‎‏")).isNull();
        assertThat(Text.FREE_TEXT.problem("x\u0000y")).startsWith("holds U+0000 (a control character) at position 2");
        assertThat(Text.FREE_TEXT.problem("\u0085")).startsWith("holds U+0085 (a control character)");
        assertThat(Text.FREE_TEXT.problem("x".repeat(4_001))).startsWith("is longer than 4000 characters");
    }

    @Test
    void aNameIsOneLine() {
        assertThat(Text.NAME.problem("dr. J. de Vries-Öztürk")).isNull();
        assertThat(Text.NAME.problem("dr.\nJ")).startsWith("holds U+000A (a control character)");
        assertThat(Text.NAME.problem("dr.\u2028J")).startsWith("holds U+2028 (a line break)");
    }

    @ParameterizedTest
    @EnumSource(Text.class)
    void noTextHoldsBidirectionalControlsLoneSurrogatesOrNoncharacters(Text rule) {
        for (String bad : List.of("\u202a", "\u202e", "\u2066", "\u2069", "\ud800", "\udfff", "\ufffe", "\ufdd0",
                "\u001b", "\u007f")) {
            assertThat(rule.problem("1" + bad)).as("%s U+%04X", rule, (int) bad.charAt(0)).contains("position 2");
        }
        // a surrogate pair is one character, not two lone ones
        assertThat(Text.FREE_TEXT.problem("𝔸")).isNull();
    }

    @Test
    void aCorrelationIdIsAUuidOrAShortToken() {
        assertThat(Text.TOKEN.accepts(UUID.randomUUID().toString())).isTrue();
        assertThat(Text.TOKEN.accepts("claims-batch.2027_03")).isTrue();
        for (String bad : List.of("", "a".repeat(65), "a b", "<x>", "a/b", "ö", "a:b")) {
            assertThat(Text.TOKEN.accepts(bad)).as(bad).isFalse();
        }
    }

    @Test
    void aDetailQuotesAtMostFortyCharactersOfWhatItWasGiven() {
        String group = "x".repeat(65);
        assertThat(JsonProblems.quotesCut("no processing group '" + group + "' with a dead-letter queue"))
                .isEqualTo("no processing group '" + "x".repeat(40) + "…' with a dead-letter queue");
        String own = "field 'termStart': a date is written yyyy-MM-dd, in the years 2000 to 2100, got '9999-01-01'";
        assertThat(JsonProblems.quotesCut(own)).isEqualTo(own);
        assertThat(JsonProblems.quotesCut("Unrecognized token '" + "e".repeat(300) + "': was expecting"))
                .isEqualTo("Unrecognized token '" + "e".repeat(40) + "…': was expecting");
    }

    /** A text field or parameter added later without a rule would take anything: this test says so. */
    @Test
    void everyTextABodyPathOrQueryOfTheApiTakesKeepsATextRule() throws ClassNotFoundException {
        ClassPathScanningCandidateComponentProvider scan = new ClassPathScanningCandidateComponentProvider(false);
        scan.addIncludeFilter(new AnnotationTypeFilter(RestController.class));
        List<String> unchecked = new ArrayList<>();
        int checked = 0;
        for (BeanDefinition candidate : scan.findCandidateComponents("nl.ggz.contracts.api.web")) {
            for (Method method : Class.forName(candidate.getBeanClassName()).getDeclaredMethods()) {
                for (Parameter parameter : method.getParameters()) {
                    String where = method.getDeclaringClass().getSimpleName() + "." + method.getName() + " "
                            + parameter.getName();
                    if (parameter.isAnnotationPresent(RequestBody.class) && parameter.getType().isRecord()) {
                        for (RecordComponent component : parameter.getType().getRecordComponents()) {
                            checked += check(where + "." + component.getName(), component.getAnnotatedType(),
                                    unchecked);
                        }
                    } else if ((parameter.isAnnotationPresent(PathVariable.class)
                            || parameter.isAnnotationPresent(RequestParam.class))
                            // instants: read by their own rule (InstantParameter, Dates)
                            && !parameter.getName().equals("asOf")) {
                        checked += check(where, parameter.getAnnotatedType(), unchecked);
                    }
                }
            }
        }
        assertThat(unchecked).as("texts without a text rule").isEmpty();
        assertThat(checked).as("texts checked").isGreaterThan(30);
    }

    private static int check(String where, AnnotatedType type, List<String> unchecked) {
        if (type.getType() == String.class) {
            if (!type.isAnnotationPresent(ValidText.class)) {
                unchecked.add(where);
            }
            return 1;
        }
        if (type instanceof AnnotatedParameterizedType generic) {
            int checked = 0;
            for (AnnotatedType argument : generic.getAnnotatedActualTypeArguments()) {
                checked += check(where + "[]", argument, unchecked);
            }
            return checked;
        }
        return 0;
    }
}
