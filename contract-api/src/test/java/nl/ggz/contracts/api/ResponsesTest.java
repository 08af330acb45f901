package nl.ggz.contracts.api;

import nl.ggz.contracts.api.Responses.CeilingRef;
import nl.ggz.contracts.api.Responses.PatientStop;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The test's reader of the published answers fails where a client would break, so the API tests notice a change. */
class ResponsesTest {

    @Test
    void anAnswerOfThePublishedShapeIsRead() {
        assertThat(Responses.read(200, """
                {"ceilingId": "C-1-2027", "year": 2027, "ceilingCents": 250000000, "settledAt": null}""",
                CeilingRef.class)).isEqualTo(new CeilingRef("C-1-2027", 2027, 250_000_000, null));
        assertThat(Responses.read(200, """
                {"stopId": "S-1", "reason": "CAPACITY", "from": "2027-03-01", "to": null,
                 "announcedAt": "2027-03-01T09:15:00.123456Z", "liftedAt": null}""", PatientStop.class))
                .isEqualTo(new PatientStop("S-1", "CAPACITY", LocalDate.of(2027, 3, 1), null,
                        Instant.parse("2027-03-01T09:15:00.123456Z"), null));
    }

    @Test
    void aFieldTheClientDoesNotKnowFailsTheRead() {
        assertThatThrownBy(() -> Responses.read(200, """
                {"ceilingId": "C-1-2027", "year": 2027, "ceilingCents": 1, "ceilingAmountCents": 1}""",
                CeilingRef.class)).isInstanceOf(AssertionError.class).hasMessageContaining("ceilingAmountCents");
    }

    @Test
    void aFieldTheAnswerLacksFailsTheRead() {
        assertThatThrownBy(() -> Responses.read(200, """
                {"ceilingId": "C-1-2027", "ceilingCents": 1}""", CeilingRef.class))
                .isInstanceOf(AssertionError.class).hasMessageContaining("year");
    }

    @Test
    void aValueOfAnotherKindFailsTheRead() {
        // text for an amount, an amount for text, a fraction of a cent, null for a whole number
        for (String wrong : new String[]{
                "{\"ceilingId\": \"C-1-2027\", \"year\": 2027, \"ceilingCents\": \"100\"}",
                "{\"ceilingId\": 12, \"year\": 2027, \"ceilingCents\": 100}",
                "{\"ceilingId\": \"C-1-2027\", \"year\": 2027, \"ceilingCents\": 100.5}",
                "{\"ceilingId\": \"C-1-2027\", \"year\": null, \"ceilingCents\": 100}"}) {
            assertThatThrownBy(() -> Responses.read(200, wrong, CeilingRef.class)).as(wrong)
                    .isInstanceOf(AssertionError.class);
        }
    }

    @Test
    void aDateOrInstantNotInIsoFormFailsTheRead() {
        for (String wrong : new String[]{"\"from\": \"2027-03-01T00:00\"", "\"from\": \"01-03-2027\"",
                "\"from\": \"2027-03-01\", \"announcedAt\": 1804237200000"}) {
            String json = "{\"stopId\": \"S-1\", \"reason\": \"CAPACITY\", \"to\": null, \"liftedAt\": null, "
                    + (wrong.contains("announcedAt") ? wrong : wrong + ", \"announcedAt\": \"2027-03-01T09:15:00Z\"")
                    + "}";
            assertThatThrownBy(() -> Responses.read(200, json, PatientStop.class)).as(json)
                    .isInstanceOf(AssertionError.class);
        }
    }

    @Test
    void aProblemWhereAnAnswerWasExpectedFailsTheTestShowingIt() {
        assertThatThrownBy(() -> Responses.read(404, """
                {"type": "about:blank", "title": "Not found", "status": 404, "detail": "no ceiling with id x",
                 "instance": "/api/ceilings/x"}""", CeilingRef.class))
                .isInstanceOf(AssertionError.class).hasMessageContaining("answered 404")
                .hasMessageContaining("no ceiling with id x");
    }
}
