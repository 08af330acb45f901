package nl.ggz.contracts.eventstore.stored;

import nl.ggz.contracts.domain.privacy.PatientDataErased;
import nl.ggz.contracts.domain.shared.InsurerCode;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.TreeMap;

/** The privacy events as the application stores them (issue 16). */
class PrivacyEventsStoredTest extends StoredEventTest {

    @Test
    void patientDataErasedStoredAsRevision1LoadsWithItsValues() {
        String stored = """
                {"erasureId":"e-1","insurer":"3311","keyedHash":"3q2-7wEjRWeJq83vASNFZ4mrze8BI0VniavN7wEjRWc",\
                "keyDestroyed":true,"declarations":3,"declarationsPerCeiling":{"c-1-2027":2,"c-2-2027":1}}""";
        PatientDataErased event = new PatientDataErased("e-1", new InsurerCode("3311"),
                "3q2-7wEjRWeJq83vASNFZ4mrze8BI0VniavN7wEjRWc", true, 3,
                new TreeMap<>(Map.of("c-1-2027", 2, "c-2-2027", 1)));

        assertLoads(stored, "1", event);
        assertWritten(event, "1", stored);
    }
}
