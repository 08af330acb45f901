package nl.ggz.contracts.domain.ceiling;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Seed 002 §4.3 (privacy statement): declarations name the insured person by pseudonym, never by BSN. */
class PatientReferenceTest {

    @ParameterizedTest
    @ValueSource(strings = {"111222333", "123456782", "999999990", " 111222333 "})
    void nineDigitsPassingTheElevenTestLookLikeABsn(String value) {
        // 111222333: 9+8+7+12+10+8+9+6−3 = 66 = 6·11
        assertThat(PatientReference.looksLikeBsn(value)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"123456789", "111222334", "999999999"})
    void nineDigitsFailingTheElevenTestDoNotLookLikeABsn(String value) {
        // 123456789: 9+16+21+24+25+24+21+16−9 = 147, not a multiple of 11
        assertThat(PatientReference.looksLikeBsn(value)).isFalse();
    }

    /** Issue 12, finding 7: all of these were accepted into a store that cannot erase. */
    @ParameterizedTest
    @ValueSource(strings = {"123.456.782", "123 456 782", "123-456-782", "BSN123456782", "bsn: 123456782",
            "\uFF11\uFF12\uFF13\uFF14\uFF15\uFF16\uFF17\uFF18\uFF12", "123\u200B456782", "\u202E123456782",
            "\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0662", "12345678-2"})
    void aBsnWithSeparatorsLettersWideOrInvisibleCharactersStillLooksLikeABsn(String value) {
        assertThat(PatientReference.looksLikeBsn(value)).isTrue();
    }

    @Test
    void eightDigitsAreTheOlderFormOfANineDigitBsnWithItsLeadingZero() {
        // 012345672: 0+8+14+18+20+20+18+14−2 = 110 = 10·11
        assertThat(PatientReference.looksLikeBsn("012345672")).isTrue();
        assertThat(PatientReference.looksLikeBsn("12345672")).isTrue();
        assertThat(PatientReference.looksLikeBsn("12345673")).isFalse();
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"p-7f3a9c", "11122233", "1112223330", "11122233a", "", "p-2026-000123456782"})
    void pseudonymsAndOtherLengthsDoNotLookLikeABsn(String value) {
        assertThat(PatientReference.looksLikeBsn(value)).isFalse();
    }
}
