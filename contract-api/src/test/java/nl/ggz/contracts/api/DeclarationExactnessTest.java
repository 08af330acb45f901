package nl.ggz.contracts.api;

import nl.ggz.contracts.api.Responses.Ceiling;
import nl.ggz.contracts.api.Responses.DeclarationResult;
import nl.ggz.contracts.api.Responses.DeclarationResults;
import nl.ggz.contracts.domain.shared.InsurerCode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** A declaration id is accepted once, whatever the claims system repeats and however it overlaps. */
class DeclarationExactnessTest extends ApplicationTest {

    @org.springframework.beans.factory.annotation.Autowired
    private nl.ggz.contracts.domain.privacy.PatientPseudonyms pseudonyms;

    @Test
    void duplicatesWithinAndAcrossBatchesAreCountedOnce() {
        String contractId = signedContract(newInsurer(), 10_000_000);
        DeclarationResults first = declare(declaration("A-1", contractId, 1_000),
                declaration("A-1", contractId, 1_000), declaration("A-2", contractId, 2_000))
                .as(DeclarationResults.class);
        assertThat(first.statuses()).containsExactly("ACCEPTED", "DUPLICATE", "ACCEPTED");

        long events = eventCount();
        DeclarationResults again = declare(declaration("A-1", contractId, 1_000), declaration("A-2", contractId, 9_999))
                .as(DeclarationResults.class);
        assertThat(again.statuses()).containsExactly("DUPLICATE", "DUPLICATE");
        assertThat(again.first().ceilingId()).isEqualTo(ceilingOf(contractId));
        assertThat(eventCount()).as("a repeated batch changes nothing").isEqualTo(events);

        Ceiling ceiling = readCeiling(ceilingOf(contractId));
        assertThat(ceiling.declaredCents()).isEqualTo(3_000);
        assertThat(ceiling.declarations()).isEqualTo(2);
    }

    @Test
    void creditReducesTheCountAndNeverExceedsWhatIsLeft() {
        String contractId = signedContract(newInsurer(), 10_000_000);
        declare(declaration("C-1", contractId, 10_000));

        Map<String, Object> credit = declaration("C-1-credit", contractId, -4_000);
        credit.put("correctsDeclarationId", "C-1");
        Map<String, Object> tooMuch = declaration("C-1-credit-2", contractId, -6_001);
        tooMuch.put("correctsDeclarationId", "C-1");
        List<DeclarationResult> results = declare(credit, tooMuch).as(DeclarationResults.class).results();
        assertThat(results).extracting(DeclarationResult::status).containsExactly("ACCEPTED", "REJECTED");
        assertThat(results.get(0).payableCents()).isEqualTo(-4_000);
        assertThat(results.get(1).reason()).contains("more than");

        assertThat(readCeiling(ceilingOf(contractId)).declaredCents()).isEqualTo(6_000);
    }

    @Test
    void aCreditInTheSameBatchAsItsDeclarationCorrectsIt() {
        String contractId = signedContract(newInsurer(), 10_000_000);
        Map<String, Object> credit = declaration("D-1-credit", contractId, -4_000);
        credit.put("correctsDeclarationId", "D-1");
        Map<String, Object> tooMuch = declaration("D-1-credit-2", contractId, -6_001);
        tooMuch.put("correctsDeclarationId", "D-1");

        DeclarationResults results = declare(declaration("D-1", contractId, 10_000), credit, tooMuch)
                .as(DeclarationResults.class);

        assertThat(results.statuses()).containsExactly("ACCEPTED", "ACCEPTED", "REJECTED");
        Ceiling ceiling = readCeiling(ceilingOf(contractId));
        assertThat(ceiling.declaredCents()).isEqualTo(6_000);
        assertThat(ceiling.declarations()).isEqualTo(1);
        assertThat(ceiling.credits()).isEqualTo(1);
        // the ledger applies the credit after the declaration it corrects, though both were written in one batch
        assertThat(jdbc.queryForObject("SELECT credited_cents FROM declaration_ledger WHERE declaration_id = 'D-1'",
                Long.class)).isEqualTo(4_000);
    }

    @Test
    void aBatchOfFiveThousandLinesIsAnsweredLineByLine() {
        String contractId = signedContract(newInsurer(), 1_000_000_000);
        List<Object> lines = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            lines.add(declaration("F-" + i, contractId, 100 + i));
        }
        Map<String, Object> bsn = declaration("F-bsn", contractId, 100);
        bsn.put("patientRef", "111222333");
        lines.set(2_500, bsn);

        Api.Response response = declareAll(lines);

        assertThat(response.status()).isEqualTo(200);
        DeclarationResults results = response.as(DeclarationResults.class);
        assertThat(results.results()).hasSize(5_000);
        assertThat(results.results().get(2_500).status()).isEqualTo("REJECTED");
        assertThat(results.results().get(2_500).declarationId()).isEqualTo("F-bsn");
        assertThat(results.results().get(4_999).declarationId()).isEqualTo("F-4999");
        long accepted = results.statuses().stream().filter("ACCEPTED"::equals).count();
        assertThat(accepted).isEqualTo(4_999);
        Ceiling ceiling = readCeiling(ceilingOf(contractId));
        assertThat(ceiling.declarations()).isEqualTo(4_999);
        // 100 + 101 + ... + 5,099, less the line that was refused (100 + 2,500)
        assertThat(ceiling.declaredCents()).isEqualTo(5_000L * (100 + 5_099) / 2 - 2_600);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM declaration_ledger WHERE ceiling_id = ?", Long.class,
                ceilingOf(contractId))).isEqualTo(4_999);
    }

    @Test
    void reclaimedMoneyCanNeitherBeReclaimedAgainNorCredited() {
        String contractId = signedContract(newInsurer(), 10_000);
        declare(declaration("K-1", contractId, 5_000));
        String ceiling = "/api/ceilings/" + ceilingOf(contractId);
        Map<String, Object> clawBack = Map.of("amountCents", 5_000, "reason", "not delivered",
                "declarationIds", List.of("K-1"));
        assertThat(api.post(ceiling + "/claw-backs", clawBack).status()).isEqualTo(201);
        assertThat(api.post(ceiling + "/claw-backs", clawBack).status()).isEqualTo(422);

        Map<String, Object> credit = declaration("K-1-credit", contractId, -5_000);
        credit.put("correctsDeclarationId", "K-1");
        assertThat(declare(credit).as(DeclarationResults.class).first().status()).isEqualTo("REJECTED");

        // so the ceiling still holds: counted is 0, and 15,000 more is paid only up to the 10,000 ceiling
        DeclarationResult result = declare(declaration("K-2", contractId, 15_000)).as(DeclarationResults.class).first();
        assertThat(result.payableCents()).isEqualTo(10_000);
        assertThat(result.unpaidCents()).isEqualTo(5_000);
    }

    @Test
    void aBadLineNeverFailsItsNeighbours() {
        String insurer = newInsurer();
        String contractId = signedContract(insurer, 10_000_000);
        Map<String, Object> bsn = declaration("B-2", contractId, 1_000);
        bsn.put("patientRef", "111222333");
        Map<String, Object> wrongType = declaration("B-3", contractId, 1_000);
        wrongType.put("amountCents", "lots");
        Map<String, Object> otherContract = declaration("B-4", "no-such-contract", 1_000);
        List<DeclarationResult> results = declare(declaration("B-1", contractId, 1_000), bsn, wrongType,
                otherContract, "not an object", declaration("B-5", contractId, 1_000))
                .as(DeclarationResults.class).results();

        assertThat(results).extracting(DeclarationResult::status).containsExactly("ACCEPTED", "REJECTED", "REJECTED",
                "REJECTED", "REJECTED", "ACCEPTED");
        assertThat(results.get(1).reason()).contains("BSN");
        assertThat(results.get(3).reason()).contains("no contract");
        assertThat(readCeiling(ceilingOf(contractId)).declaredCents()).isEqualTo(2_000);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM declaration_ledger WHERE insurer_uzovi = ? "
                + "AND declaration_id = 'B-2'", Long.class, insurer)).as("no BSN is stored").isZero();
        // issue 16: not even sealed under a key of its own
        assertThat(jdbc.queryForObject("SELECT count(*) FROM patient_key WHERE insurer_uzovi = ? AND keyed_hash = ?",
                Long.class, insurer, pseudonyms.keyedHash(new InsurerCode(insurer), "111222333").orElseThrow()))
                .as("no key made for a BSN").isZero();
    }

    /** Issue 12, finding 7: a BSN with separators or a prefix was accepted and stored for good. */
    @Test
    void aBsnWithSeparatorsOrAPrefixIsRefusedAndNothingOfItIsStored() {
        String contractId = signedContract(newInsurer(), 10_000_000);
        List<String> disguised = List.of("123.456.782", "123/456/782", "BSN123456782", "123-456-782");
        List<Object> lines = new ArrayList<>();
        for (int i = 0; i < disguised.size(); i++) {
            Map<String, Object> line = declaration("BSN-" + i + "-" + contractId, contractId, 1_000);
            line.put("patientRef", disguised.get(i));
            lines.add(line);
        }
        long events = eventCount();

        DeclarationResults results = declareAll(lines).as(DeclarationResults.class);

        assertThat(results.statuses()).containsOnly("REJECTED");
        assertThat(results.results()).extracting(DeclarationResult::reason)
                .allSatisfy(reason -> assertThat(reason).contains("BSN"));
        assertThat(eventCount()).isEqualTo(events);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM declaration_ledger WHERE ceiling_id = ?", Long.class,
                ceilingOf(contractId))).isZero();
    }

    @Test
    void concurrentOverlappingPostsToOneCeilingAreCountedExactly() throws Exception {
        String contractId = signedContract(newInsurer(), 100_000_000);
        int clients = 8;
        int linesPerBatch = 50;
        int distinctIds = 200;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<List<DeclarationResult>>> posts = new ArrayList<>();
        for (int client = 0; client < clients; client++) {
            int offset = client * 25;
            posts.add(pool.submit(() -> {
                List<Object> lines = new ArrayList<>();
                for (int k = 0; k < linesPerBatch; k++) {
                    // batches overlap: client n sends ids n*25 .. n*25+49 (mod 200)
                    lines.add(declaration("CC-" + ((offset + k) % distinctIds), contractId, 100));
                }
                return declareAll(lines).as(DeclarationResults.class).results();
            }));
        }
        int accepted = 0;
        for (Future<List<DeclarationResult>> post : posts) {
            for (DeclarationResult result : post.get()) {
                assertThat(result.status()).isIn("ACCEPTED", "DUPLICATE");
                accepted += result.status().equals("ACCEPTED") ? 1 : 0;
            }
        }
        pool.shutdown();

        Ceiling ceiling = readCeiling(ceilingOf(contractId));
        // 8 batches x 50 lines over ids 0..199: every id is sent at least once
        assertThat(accepted).isEqualTo(distinctIds);
        assertThat(ceiling.declarations()).isEqualTo(distinctIds);
        assertThat(ceiling.declaredCents()).isEqualTo(distinctIds * 100L);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ? "
                + "AND payloadtype LIKE '%DeclarationRecorded'", Long.class, ceilingOf(contractId)))
                .isEqualTo(distinctIds);
    }

    /**
     * Issue 12, finding 5: a credit of the smallest long answered 500 for the whole batch, after the lines of other
     * ceilings were committed, and the valid lines of its own ceiling failed with it on every retry.
     */
    @Test
    void aCreditOfTheSmallestLongIsRejectedOnItsOwnAndEveryOtherLineIsAnswered() {
        String insurer = newInsurer();
        String first = signedContract(insurer, newProvider(), 10_000_000);
        String second = signedContract(insurer, newProvider(), 10_000_000);
        declare(declaration("M-1-" + second, second, 5_000));
        Map<String, Object> absurd = declaration("M-2-" + second, second, Long.MIN_VALUE);
        absurd.put("correctsDeclarationId", "M-1-" + second);

        Api.Response answer = declare(declaration("M-1-" + first, first, 1_000), absurd,
                declaration("M-3-" + second, second, 2_000));

        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
        assertThat(answer.as(DeclarationResults.class).statuses()).containsExactly("ACCEPTED", "REJECTED", "ACCEPTED");
        assertThat(readCeiling(ceilingOf(first)).declaredCents()).isEqualTo(1_000);
        assertThat(readCeiling(ceilingOf(second)).declaredCents()).isEqualTo(7_000);
    }
}
