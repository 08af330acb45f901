package nl.ggz.contracts.api;

import nl.ggz.contracts.domain.shared.DomainTime;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real application on a real (embedded) PostgreSQL, shared by the test classes that extend this one. Each test
 * works on contracts of its own, so tests do not see each other's figures.
 */
// no demo data: each test makes the contracts it reads (DemoDataTest turns it on in a context of its own)
// webhooks (WebhookDeliveryTest): a short retry schedule, so that a failing receiver is DEAD within seconds
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {"ggz.demo.enabled=false",
        "ggz.webhooks.poll-interval=100ms", "ggz.webhooks.retry.initial-backoff=50ms",
        "ggz.webhooks.retry.max-backoff=400ms", "ggz.webhooks.retry.max-attempts=6",
        // issue 18: the regulator's witness whose cosignatures are accepted (its private key: LogWitnessTest)
        "ggz.audit.log.witnesses=" + ApplicationTest.WITNESS_VKEY})
// the Prometheus registry as in production (Spring Boot's tests leave metrics export off by default)
@AutoConfigureObservability(tracing = false)
// the server's clock lives on the tests' today (MovableClock): one clock, so that every class shares one application
@Import(ApplicationTest.ServerClock.class)
public abstract class ApplicationTest {

    /** The test witness's verifier key (C2SP vkey); its private key is LogWitnessTest's. */
    static final String WITNESS_VKEY = "nza.example/witness+75910c10+BFXsK0k8VJHXp3ALJlI+nKyBoPQnkHId1VmIiCLmKLSB";

    /** The tests' year: declarations and increase requests are judged against the server's today. */
    protected static final int YEAR = MovableClock.today().getYear();

    @TestConfiguration(proxyBeanMethods = false)
    static class ServerClock {
        /** {@code test.server-clock=real}: real time, for a context whose story needs the scheduler's deadlines. */
        @Bean
        @Primary
        MovableClock movableClock(org.springframework.core.env.Environment environment) {
            return "real".equals(environment.getProperty("test.server-clock")) ? new MovableClock(0) : new MovableClock();
        }
    }

    /** The Dutch calendar day the server lives on (see MovableClock): not necessarily the real today. */
    protected static LocalDate today() {
        return MovableClock.today();
    }

    /** The server's now while its clock is not moved by a test: real time plus the tests' base shift. */
    protected static Instant now() {
        return Instant.now().atZone(DomainTime.AMSTERDAM).plusDays(MovableClock.BASE_SHIFT).toInstant();
    }

    static {
        // streaming views lag the write; on a busy 2-core CI machine that can take more than awaitility's 10 s
        org.awaitility.Awaitility.setDefaultTimeout(java.time.Duration.ofSeconds(30));
    }

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcTemplate jdbc;

    protected Api api;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) throws IOException {
        String directory = Files.createTempDirectory("ggz-test-").resolve("postgres").toString();
        registry.add("ggz.embedded-postgres.data-directory", () -> directory);
    }

    @BeforeEach
    void client() {
        api = Api.actingParty(port);
    }

    protected long eventCount() {
        return jdbc.queryForObject("SELECT count(*) FROM domainevententry", Long.class);
    }

    /**
     * A fresh insurer code per test, so that policies published by one test never apply to another, and the offers of
     * one test never meet another's under the rule of one contract per insurer, provider and year (most tests offer to
     * the same provider): never the same code twice in a run (up to 7,000 of them), from a random place in 2000–8999,
     * never an insurer of the demo or one the tests name.
     */
    protected static String newInsurer() {
        while (true) {
            int code = 2000 + Math.floorMod(FIRST_INSURER + NEXT_INSURER.getAndIncrement(), 7000);
            String uzovi = String.format("%04d", code);
            if (!NAMED_INSURERS.contains(uzovi)) {
                return uzovi;
            }
        }
    }

    private static final int FIRST_INSURER = Math.floorMod(UUID.randomUUID().getMostSignificantBits(), 7000);
    private static final java.util.concurrent.atomic.AtomicInteger NEXT_INSURER =
            new java.util.concurrent.atomic.AtomicInteger();
    /** The demo's insurers (DemoCast) and the codes tests write out. */
    private static final java.util.Set<String> NAMED_INSURERS = java.util.Set.of("7095", "3311", "9664", "3332",
            "3343", "3313", "3336", "3351", "3358", "3328");

    /** A fresh AGB code, for tests that need providers of their own. */
    protected static String newProvider() {
        return "9" + String.format("%07d", Math.floorMod(UUID.randomUUID().getLeastSignificantBits(), 10_000_000L));
    }

    /** Offers (as a purchaser of the insurer) a one-year DIGITAL contract to the provider and has the provider sign it. */
    protected String signedContract(String insurer, String provider, long ceilingCents) {
        Map<String, Object> body = offerBody(insurer, "DIGITAL", ceilingCents);
        body.put("providerAgb", provider);
        Api.Response offered = api.post("/api/contracts", body);
        assertThat(offered.status()).as(offered.body().toString()).isEqualTo(201);
        String contractId = offered.text("contractId");
        Api.Response signed = api.post("/api/contracts/" + contractId + "/signature", Map.of());
        assertThat(signed.status()).as(signed.body().toString()).isEqualTo(200);
        return contractId;
    }

    /** Publishes a policy for this year whose increase window is open today. */
    protected void openIncreaseWindow(String insurer) {
        Api.Response policy = api.put("/api/policies/" + insurer + "/" + YEAR, Map.of(
                "increaseWindowStart", YEAR + "-01-01T00:00:00+01:00",
                "increaseWindowEnd", YEAR + "-12-31T17:00:00+01:00"));
        assertThat(policy.status()).isEqualTo(200);
    }

    protected Map<String, Object> offerBody(String insurer, String kind, long ceilingCents) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("insurerUzovi", insurer);
        body.put("providerAgb", "94001234");
        body.put("providerType", "INSTITUTION");
        body.put("kind", kind);
        body.put("termStart", YEAR + "-01-01");
        body.put("termEnd", YEAR + "-12-31");
        body.put("settings", List.of(2, 3));
        body.put("tariffPercentage", "92.50");
        body.put("ceilingCents", ceilingCents);
        return body;
    }

    /**
     * Offers a one-year DIGITAL contract to a provider of its own (one contract per insurer, provider and year, seed
     * 000: a test may offer several for one insurer); the acting party finds the provider on the contract.
     */
    protected String offer(String insurer, long ceilingCents) {
        Map<String, Object> body = offerBody(insurer, "DIGITAL", ceilingCents);
        body.put("providerAgb", newProvider());
        Api.Response offered = api.post("/api/contracts", body);
        assertThat(offered.status()).as(offered.body().toString()).isEqualTo(201);
        return offered.text("contractId");
    }

    /** Offers and signs a one-year DIGITAL contract, to a provider of its own; returns its contract id. */
    protected String signedContract(String insurer, long ceilingCents) {
        String contractId = offer(insurer, ceilingCents);
        Api.Response signed = api.post("/api/contracts/" + contractId + "/signature", Map.of("signedBy", "dr. Jansen"));
        assertThat(signed.status()).as(signed.body().toString()).isEqualTo(200);
        return contractId;
    }

    protected static String ceilingOf(String contractId) {
        return contractId + "-" + YEAR;
    }

    /**
     * A pseudonym for the line's person, of letters only: ids hold digits, and a pseudonym whose digits alone pass the
     * BSN eleven-test is refused (PatientReference).
     */
    protected static String pseudonym(String id) {
        StringBuilder letters = new StringBuilder("p-");
        for (char hex : java.util.UUID.nameUUIDFromBytes(id.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .toString().replace("-", "").substring(0, 12).toCharArray()) {
            letters.append((char) ('a' + Character.digit(hex, 16)));
        }
        return letters.toString();
    }

    protected static Map<String, Object> declaration(String id, String contractId, long amountCents) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("declarationId", id);
        line.put("contractId", contractId);
        line.put("treatmentDate", YEAR + "-01-15");
        line.put("setting", 2);
        line.put("prestatieCode", "CO0142");
        line.put("patientRef", pseudonym(id));
        line.put("amountCents", amountCents);
        return line;
    }

    /**
     * The settings a test offers a provider type: independents only setting 1 (seed 001: "voor vrijgevestigden ...
     * alleen zorg in voor setting 1", the default policy), the others the ambulant settings 2 and 3.
     */
    protected static List<Integer> settingsFor(String providerType) {
        return "INDEPENDENT".equals(providerType) ? List.of(1) : List.of(2, 3);
    }

    /** A declaration line in the first setting the contract covers (setting 1 for an independent's contract). */
    protected Map<String, Object> declarationOn(String id, String contractId, long amountCents) {
        Map<String, Object> line = declaration(id, contractId, amountCents);
        line.put("setting", readContract(contractId).settings().get(0));
        return line;
    }

    /** A signed contract whose ceiling has four declarations ({@code prefix-1-…} to {@code prefix-4-…}): sequences 0 to 4. */
    protected String contractWithFourDeclarations(String prefix) {
        String contractId = signedContract(newInsurer(), 1_000_000);
        for (int i = 1; i <= 4; i++) {
            assertThat(declare(declaration(prefix + "-" + i + "-" + contractId, contractId, 2_000 + i)).status())
                    .isEqualTo(200);
        }
        return contractId;
    }

    /** The global position of an aggregate's event in the event store. */
    protected long eventPosition(String aggregateId, long sequence) {
        return jdbc.queryForObject("SELECT globalindex FROM domainevententry WHERE aggregateidentifier = ? AND "
                + "sequencenumber = ?", Long.class, aggregateId, sequence);
    }

    /** The contract as {@code GET /api/contracts/{id}} answers it. */
    protected Responses.Contract readContract(String contractId) {
        return api.get("/api/contracts/" + contractId).as(Responses.Contract.class);
    }

    /** The ceiling as {@code GET /api/ceilings/{id}} answers it. */
    protected Responses.Ceiling readCeiling(String ceilingId) {
        return api.get("/api/ceilings/" + ceilingId).as(Responses.Ceiling.class);
    }

    protected Api.Response declare(Object... lines) {
        return api.post("/api/declarations", Map.of("declarations", List.of(lines)));
    }

    protected Api.Response declareAll(List<?> lines) {
        return api.post("/api/declarations", Map.of("declarations", lines));
    }
}
