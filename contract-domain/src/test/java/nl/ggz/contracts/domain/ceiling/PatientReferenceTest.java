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

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"p-7f3a9c", "11122233", "1112223330", "11122233a", ""})
    void pseudonymsAndOtherLengthsDoNotLookLikeABsn(String value) {
        assertThat(PatientReference.looksLikeBsn(value)).isFalse();
    }
}
