package nl.ggz.contracts.api;

import com.fasterxml.jackson.databind.JsonNode;
import nl.ggz.contracts.domain.privacy.PatientPseudonyms;
import nl.ggz.contracts.domain.shared.InsurerCode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seed 002 §5.2: the psychodiagnostics supplement is paid at most twice a year per insured person, across all the
 * insurer's ceilings. Issue 12, finding 8: posted to two ceilings at the same moment, both lines passed the count
 * (a third supplement was accepted 7 times in 15 tries).
 */
class SupplementLimitTest extends ApplicationTest {

    private static final int ROUNDS = 20;

    @Autowired
    PatientPseudonyms pseudonyms;
    private static final int POSTS = 4;

    @Test
    void supplementsPostedToTwoCeilingsAtOnceNeverCountMoreThanTwiceAYearForOnePerson() throws Exception {
        String insurer = newInsurer();
        List<String> ceilings = List.of(signedContract(insurer, newProvider(), 100_000_000),
                signedContract(insurer, newProvider(), 100_000_000));
        ExecutorService pool = Executors.newFixedThreadPool(POSTS);
        try {
            for (int round = 0; round < ROUNDS; round++) {
                String person = "p-" + UUID.randomUUID();
                CyclicBarrier start = new CyclicBarrier(POSTS);
                List<Future<JsonNode>> posts = new ArrayList<>();
                for (int post = 0; post < POSTS; post++) {
                    Map<String, Object> line = declaration("PD-" + round + "-" + post + "-" + person,
                            ceilings.get(post % 2), 5_000);
                    line.put("prestatieCode", "TOESLAGPD");
                    line.put("patientRef", person);
                    posts.add(pool.submit(() -> {
                        start.await();
                        return declare(line).body().path("results").get(0);
                    }));
                }
                int accepted = 0;
                for (Future<JsonNode> post : posts) {
                    JsonNode result = post.get();
                    if (result.path("status").asText().equals("ACCEPTED")) {
                        accepted++;
                    } else {
                        assertThat(result.path("reason").asText()).contains("twice");
                    }
                }
                assertThat(accepted).as("round %d: supplements accepted for one person", round).isEqualTo(2);
                // issue 16: the ledger knows the person by keyed hash only
                assertThat(jdbc.queryForObject("SELECT count(*) FROM declaration_ledger WHERE insurer_uzovi = ? "
                        + "AND patient_hash = ? AND supplement", Long.class, insurer,
                        pseudonyms.keyedHash(new InsurerCode(insurer), person).orElseThrow())).isEqualTo(2);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
