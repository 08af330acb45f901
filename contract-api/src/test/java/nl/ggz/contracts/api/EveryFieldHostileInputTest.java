package nl.ggz.contracts.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import nl.ggz.contracts.api.Api.Identity;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.strings;

/**
 * Issue 12, "Done when": every endpoint that takes input — every writing one and every reading one with a path
 * variable or query parameter — and every field of its body, path and query gets a set of bad values: NUL and other
 * C0/C1 controls, bidirectional controls, lone surrogates, zero-width and other invisible characters, text over its
 * length, huge and extreme numbers (Long.MIN/MAX, 1e400, 10^30, 5000 digits), dates out of range or no dates at all
 * (0000, 9999, +10000, -0001, 2027-02-30, numbers, arrays), wrong types, nulls in lists, duplicate keys, unknown fields,
 * bodies that are no JSON object or no UTF-8, and random text that holds a forbidden character (QuickTheories, fixed
 * seed). For each: a 4xx {@code application/problem+json} answer with a short detail — or, for a line of a claims
 * batch, a 200 whose line is REJECTED with a reason naming the field while its neighbour is still answered — and no
 * event stored under its correlation id. At the end the untouched templates are sent once each and accepted (so the
 * refusals were the bad values' doing), and every streaming processing group has caught up.
 * <p>
 * Prints a line per endpoint (inputs, 4xx, lines REJECTED, 5xx, events stored by refused inputs) and writes them to
 * {@code target/hostile-input-figures.md}.
 */
class EveryFieldHostileInputTest extends ApplicationTest {

    /** Moved back into last year only to offer and sign a contract of a year that is over (to settle). */
    @org.springframework.beans.factory.annotation.Autowired
    private MovableClock clock;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long SEED = 20271203L;
    private static final int RANDOM_TEXTS_PER_FIELD = 8;
    private static final Path FIGURES = Path.of("target", "hostile-input-figures.md");

    private enum Kind {
        ID, CODE, NAME, FREE_TEXT, DECIMAL, CENTS, LINE_CENTS, INT, DATE, INSTANT, ENUM, INT_LIST, ID_LIST, CODE_LIST,
        URL, SUBSCRIPTION_ID,
        TERM_YEARS, MAX_TERM_YEARS, SETTINGS_BY_TYPE, TARIFFS, BATCH, INSURER, PROVIDER, YEAR, LIMIT, POSITION,
        PERCENTAGE, EVENT_TYPE, GROUP, CHECKPOINT_ID, ENUM_LIST, PERIOD, PERIODS, FEED_CURSOR, LOG_SIZE
    }

    private enum Where { BODY, LINE, PATH, QUERY }

    /**
     * A field and what it takes. {@code min}/{@code max} bound numbers and list sizes; {@code required} fields also
     * get null and empty values.
     */
    private record Field(String name, Where where, Kind kind, boolean required, long min, long max) {
        static Field body(String name, Kind kind, boolean required) {
            return new Field(name, Where.BODY, kind, required, 0, 0);
        }

        static Field line(String name, Kind kind) {
            return new Field(name, Where.LINE, kind, true, 0, 0);
        }

        static Field path(String name, Kind kind) {
            return new Field(name, Where.PATH, kind, true, 0, 0);
        }

        static Field query(String name, Kind kind, boolean required) {
            return new Field(name, Where.QUERY, kind, required, 0, 0);
        }

        Field range(long lowest, long highest) {
            return new Field(name, where, kind, required, lowest, highest);
        }
    }

    /**
     * An endpoint with a template that it accepts: path variables, query and body as raw JSON fragments (so that 1e400
     * or a lone surrogate reach the server as written), and the identity whose act it is.
     */
    private record Endpoint(String method, String template, Identity who, Map<String, String> path,
                            Map<String, String> query, Map<String, String> body, Map<String, String> line,
                            List<Field> fields, boolean control, String variant) {
        Endpoint(String method, String template, Identity who, Map<String, String> path, Map<String, String> query,
                 Map<String, String> body, Map<String, String> line, List<Field> fields, boolean control) {
            this(method, template, who, path, query, body, line, fields, control, null);
        }

        /** An endpoint tried with a second template (another shape of its body) is named apart by its variant. */
        String name() {
            return method + " " + template + (variant == null ? "" : " (" + variant + ")");
        }

        boolean optionalBody() {
            return body != null && fields.stream().noneMatch(f -> f.where() == Where.BODY && f.required())
                    && !template.endsWith("/proposals") && !method.equals("PUT");
        }
    }

    private record Answer(int status, String contentType, String body) {
    }

    /** What was tried on one endpoint, and what came of it. */
    private static final class Tally {
        int inputs;
        int refused;
        int linesRejected;
        int failed5xx;
        int otherwise;
        long eventsStored;
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, Tally> tallies = new LinkedHashMap<>();
    private final Map<String, String> endpointOfCorrelation = new LinkedHashMap<>();
    private final List<String> failures = new ArrayList<>();
    private final AtomicInteger sequence = new AtomicInteger();
    private final String run = Long.toString(System.nanoTime(), 36);
    /** The insurer whose log the cosignature bodies are about (set by {@link #endpoints()}). */
    private String logInsurer;

    @Test
    void everyBadValueInEveryFieldOfEveryEndpointIsRefused4xxAndStoresNothing() throws IOException {
        List<Endpoint> endpoints = endpoints();
        long startedAt = System.nanoTime();
        long firstPosition = jdbc.queryForObject("SELECT coalesce(max(globalindex), 0) FROM domainevententry",
                Long.class);
        long eventsBefore = eventCount();

        for (Endpoint endpoint : endpoints) {
            tallies.put(endpoint.name(), new Tally());
            for (Field field : endpoint.fields()) {
                for (String bad : badValues(field)) {
                    tryInput(endpoint, field, bad);
                }
                randomTexts(endpoint, field);
            }
            structural(endpoint);
        }
        cosignatureBodies();
        long eventsAfter = eventCount();
        countEventsStored(firstPosition);
        double seconds = (System.nanoTime() - startedAt) / 1e9;

        List<String> lines = figures(seconds, eventsBefore, eventsAfter);
        lines.forEach(System.out::println);
        Files.createDirectories(FIGURES.getParent());
        Files.writeString(FIGURES, String.join("\n", lines) + "\n");

        assertThat(failures).as("inputs not refused as they should be (%d), the first of them", failures.size())
                .isEmpty();
        assertThat(tallies.values().stream().mapToInt(t -> t.failed5xx).sum()).as("answered 5xx").isZero();
        assertThat(tallies.values().stream().mapToLong(t -> t.eventsStored).sum()).as("events stored by refused "
                + "inputs").isZero();
        assertThat(eventsAfter).as("events in the store before and after the refused inputs").isEqualTo(eventsBefore);

        // the templates themselves are accepted: the refusals were the bad values' doing
        for (Endpoint endpoint : endpoints) {
            if (endpoint.control()) {
                Answer answer = send(endpoint.method(), url(endpoint, null, null), endpoint.who(),
                        bodyOf(endpoint, null, null), "control-" + run + "-" + sequence.incrementAndGet());
                assertThat(answer.status()).as("the untouched template of %s: %s", endpoint.name(), answer.body())
                        .isBetween(200, 299);
            }
        }
        assertEveryProcessingGroupCaughtUp();
    }

    // --- the endpoints and their fields ---

    private List<Endpoint> endpoints() {
        String insurer = newInsurer();
        String provider = newProvider();
        openIncreaseWindow(insurer);
        Identity purchaser = Identity.purchaser(insurer);
        Identity theProvider = Identity.provider(provider);
        Identity claims = Identity.claims(insurer);
        Identity regulator = Identity.regulator();
        Identity operator = Identity.operator();

        // one contract per insurer, provider and year (seed 000): each contract acted on here has a provider of its own
        String negotiatedWith = newProvider();
        String negotiated = offered(insurer, negotiatedWith, "NEGOTIATED");
        String decliner = newProvider();
        String toDecline = offered(insurer, decliner, "DIGITAL");
        String toWithdraw = offered(insurer, newProvider(), "DIGITAL");
        // a provider's own proposal, which the purchaser accepts (issue 14)
        String proposer = newProvider();
        String toAccept = offered(insurer, proposer, "NEGOTIATED");
        Api.Response proposed = api.as(Identity.provider(proposer)).post("/api/contracts/" + toAccept + "/proposals",
                Map.of("ceilingCents", 1_100_000));
        assertThat(proposed.status()).as(proposed.raw()).isEqualTo(200);
        String signed = signedContract(insurer, provider, 1_000_000);
        String ceiling = ceilingOf(signed);
        String declared = "H-" + UUID.randomUUID();
        assertThat(declare(declaration(declared, signed, 5_000)).body().path("results").get(0).path("status").asText())
                .isEqualTo("ACCEPTED");
        String stop = api.post("/api/contracts/" + signed + "/patient-stops",
                Map.of("reason", "CAPACITY", "from", YEAR + "-06-01")).text("stopId");
        String toApprove = increaseRequest(ceiling);
        String toReject = increaseRequest(ceiling);
        String toAsk = increaseRequest(ceiling);
        String toComplete = increaseRequest(ceiling);
        assertThat(api.post("/api/ceilings/" + ceiling + "/increase-requests/" + toComplete + "/information-request",
                Map.of("question", "FTE?")).status()).isEqualTo(200);
        String toSettle = closedYearsContract(insurer) + "-" + CLOSED_YEAR;
        String addendum = api.post("/api/ceilings/" + ceiling + "/increase-requests/" + increaseRequest(ceiling)
                + "/approval", Map.of("amountCents", 1_000)).text("addendumId");
        long checkpoint = api.as(operator).post("/api/audit/checkpoints", Map.of()).body().path("id").asLong();
        // issue 18: the verifiable log, once it has appended the signed contract (it runs a little behind)
        long logged = eventPosition(ceiling, 0);
        await().until(() -> jdbc.queryForObject("SELECT count(*) FROM audit_log_leaf WHERE log = ? AND position = ?",
                Long.class, insurer, logged) == 1);
        long logSize = jdbc.queryForObject("SELECT size FROM audit_log_head WHERE log = 'global'", Long.class);
        long insurerLogSize = jdbc.queryForObject("SELECT size FROM audit_log_head WHERE log = ?", Long.class, insurer);
        logInsurer = insurer;
        // issue 17: a webhook subscription to a receiver that refuses connections (it soon gives up: DEAD)
        String subscription = api.as(operator).post("/api/admin/webhooks", Map.of("insurerUzovi", insurer,
                "url", "https://127.0.0.1:1/hostile")).body().path("subscription").path("subscriptionId").asText();

        // the control offers to a provider of its own: the others hold this year with this insurer
        Map<String, String> offer = raw("insurerUzovi", text(insurer), "providerAgb", text(newProvider()),
                "providerType", text("INSTITUTION"), "kind", text("DIGITAL"), "termStart", text(YEAR + "-01-01"),
                "termEnd", text(YEAR + "-12-31"), "settings", "[2,3]", "tariffPercentage", text("92.50"),
                "tariffPercentages", "{\"3\":\"95.00\"}", "ceilingCents", "1000000",
                "offerExpiresAt", text(now().plus(Duration.ofDays(30)).toString()),
                "excludedPrestatieCodes", "[\"XX9999\"]", "excludedSettings", "[3]");
        Map<String, String> line = raw("declarationId", text("H-" + UUID.randomUUID()), "contractId", text(signed),
                "treatmentDate", text(YEAR + "-01-16"), "setting", "2", "prestatieCode", text("CO0142"),
                "patientRef", text("p-hostile"), "amountCents", "1000", "duplicateOf", text(declared));
        String now = now().toString();

        List<Endpoint> all = new ArrayList<>();
        // writing
        all.add(new Endpoint("PUT", "/api/policies/{insurerUzovi}/{year}", purchaser,
                raw("insurerUzovi", insurer, "year", Integer.toString(YEAR)), Map.of(),
                raw("thresholdPercents", "[70,90]", "increaseCapPercent", "50",
                        "increaseWindowStart", text(YEAR + "-01-01T00:00:00+01:00"),
                        "increaseWindowEnd", text(YEAR + "-12-31T17:00:00+01:00"), "decisionPeriodDays", "28",
                        "offerValidityDays", "42", "termYears", "{\"INSTITUTION\":1,\"INDEPENDENT\":2}",
                        "maxTermYears", "{\"INSTITUTION\":2,\"INDEPENDENT\":2}",
                        "settingsByProviderType", "{\"INDEPENDENT\":[1],\"HOSPITAL_WARD\":[3,5]}",
                        "quoteResponseDays", "42"), null,
                List.of(Field.path("insurerUzovi", Kind.INSURER), Field.path("year", Kind.YEAR),
                        Field.body("thresholdPercents", Kind.INT_LIST, false).range(1, 1000),
                        Field.body("increaseCapPercent", Kind.INT, false).range(0, 1000),
                        Field.body("increaseWindowStart", Kind.INSTANT, false),
                        Field.body("increaseWindowEnd", Kind.INSTANT, false),
                        Field.body("decisionPeriodDays", Kind.INT, false).range(1, 366),
                        Field.body("offerValidityDays", Kind.INT, false).range(1, 366),
                        Field.body("termYears", Kind.TERM_YEARS, false),
                        Field.body("maxTermYears", Kind.MAX_TERM_YEARS, false),
                        Field.body("settingsByProviderType", Kind.SETTINGS_BY_TYPE, false),
                        Field.body("quoteResponseDays", Kind.INT, false).range(1, 366)), true));
        // next year's policy, of Zorg en Zekerheid's kind (seed 002 §6.3), with the decision rules of issue 15
        all.add(new Endpoint("PUT", "/api/policies/{insurerUzovi}/{year}", purchaser,
                raw("insurerUzovi", insurer, "year", Integer.toString(YEAR + 1)), Map.of(),
                raw("increaseRegime", text("SUPPLEMENTARY_CONTRACTING"), "announceBy", text((YEAR + 1) + "-10-01"),
                        "decisionDueBy", text((YEAR + 2) + "-03-31"),
                        "decisionPeriods", "{\"DIGITAL\":\"P28D\",\"NEGOTIATED\":\"P1M\"}",
                        "claimsCutOff", text("P6M")), null,
                List.of(Field.body("increaseRegime", Kind.ENUM, false), Field.body("announceBy", Kind.DATE, false),
                        Field.body("decisionDueBy", Kind.DATE, false),
                        Field.body("decisionPeriods", Kind.PERIODS, false),
                        Field.body("claimsCutOff", Kind.PERIOD, false)), true, "decision rules"));
        // renewal (issue 14, seed 001): a contract of its own, renewed by its control; then the yearly round, whose
        // control renews what else of the insurer is signed and skips the rest
        String toRenew = signedContract(insurer, newProvider(), 1_000_000);
        String renewalExpiry = text(now().plus(Duration.ofDays(30)).toString());
        all.add(contractAct("renewal", toRenew, purchaser, raw("ceilingCents", "1000000",
                "offerExpiresAt", renewalExpiry), List.of(Field.body("ceilingCents", Kind.CENTS, false),
                Field.body("offerExpiresAt", Kind.INSTANT, false))));
        all.add(new Endpoint("POST", "/api/policies/{insurerUzovi}/{year}/renewals", purchaser,
                raw("insurerUzovi", insurer, "year", Integer.toString(YEAR)), Map.of(),
                raw("providerType", text("INSTITUTION"), "kind", text("DIGITAL"), "offerExpiresAt", renewalExpiry),
                null, List.of(Field.path("insurerUzovi", Kind.INSURER), Field.path("year", Kind.YEAR),
                        Field.body("providerType", Kind.ENUM, false), Field.body("kind", Kind.ENUM, false),
                        Field.body("offerExpiresAt", Kind.INSTANT, false)), true));
        all.add(new Endpoint("POST", "/api/contracts", purchaser, Map.of(), Map.of(), offer, null, List.of(
                Field.body("insurerUzovi", Kind.INSURER, true), Field.body("providerAgb", Kind.PROVIDER, true),
                Field.body("providerType", Kind.ENUM, true), Field.body("kind", Kind.ENUM, true),
                Field.body("termStart", Kind.DATE, true), Field.body("termEnd", Kind.DATE, true),
                Field.body("settings", Kind.INT_LIST, true).range(1, 8),
                Field.body("tariffPercentage", Kind.DECIMAL, false),
                Field.body("tariffPercentages", Kind.TARIFFS, false),
                Field.body("ceilingCents", Kind.CENTS, true), Field.body("offerExpiresAt", Kind.INSTANT, false),
                Field.body("excludedPrestatieCodes", Kind.CODE_LIST, false).range(0, 1000),
                Field.body("excludedSettings", Kind.INT_LIST, false).range(1, 8)),
                true));
        all.add(contractAct("proposals", negotiated, purchaser, raw("ceilingCents", "900000",
                "tariffPercentage", text("91.00"), "tariffPercentages", "{\"2\":\"91.50\"}", "settings", "[2]"),
                List.of(Field.body("ceilingCents", Kind.CENTS, false), Field.body("tariffPercentage", Kind.DECIMAL, false),
                        Field.body("tariffPercentages", Kind.TARIFFS, false),
                        Field.body("settings", Kind.INT_LIST, false).range(1, 8))));
        all.add(contractAct("acceptance", toAccept, purchaser, raw("acceptedBy", text("mw. A. de Wit")),
                List.of(Field.body("acceptedBy", Kind.NAME, false))));
        all.add(contractAct("signature", negotiated, Identity.provider(negotiatedWith),
                raw("signedBy", text("dr. J. de Vries")), List.of(Field.body("signedBy", Kind.NAME, false))));
        all.add(contractAct("declination", toDecline, Identity.provider(decliner), raw("reason", text("te laag")),
                List.of(Field.body("reason", Kind.FREE_TEXT, false))));
        all.add(contractAct("withdrawal", toWithdraw, purchaser, raw("reason", text("ingetrokken")),
                List.of(Field.body("reason", Kind.FREE_TEXT, false))));
        all.add(contractAct("amendments", signed, purchaser, raw("excludedPrestatieCodes", "[\"XX9999\"]",
                "excludedSettings", "[3]", "reason", text("regel 1\nregel 2"),
                "effectiveDate", text(today()
                        .toString()), "backdatingReason", text("afspraak\nvan 1 juni")), List.of(
                Field.body("excludedPrestatieCodes", Kind.CODE_LIST, false).range(0, 1000),
                Field.body("excludedSettings", Kind.INT_LIST, false).range(1, 8),
                Field.body("reason", Kind.FREE_TEXT, true), Field.body("effectiveDate", Kind.DATE, false),
                Field.body("backdatingReason", Kind.FREE_TEXT, false))));
        all.add(new Endpoint("POST", "/api/contracts/{contractId}/patient-stops/{stopId}/lifting", theProvider,
                raw("contractId", signed, "stopId", stop), Map.of(), raw("to", text(YEAR + "-07-01")), null,
                List.of(Field.path("contractId", Kind.ID), Field.path("stopId", Kind.ID),
                        Field.body("to", Kind.DATE, true)), true));
        all.add(contractAct("patient-stops", signed, theProvider, raw("reason", text("CAPACITY"),
                "from", text(YEAR + "-08-01")), List.of(Field.body("reason", Kind.ENUM, true),
                Field.body("from", Kind.DATE, true))));
        all.add(new Endpoint("POST", "/api/declarations", claims, Map.of(), Map.of(), null, line, List.of(
                Field.body("declarations", Kind.BATCH, true),
                Field.line("declarationId", Kind.ID), Field.line("contractId", Kind.ID),
                Field.line("treatmentDate", Kind.DATE), Field.line("setting", Kind.INT).range(1, 8),
                Field.line("prestatieCode", Kind.CODE), Field.line("patientRef", Kind.ID),
                Field.line("amountCents", Kind.LINE_CENTS),
                new Field("correctsDeclarationId", Where.LINE, Kind.ID, false, 0, 0)), true));
        all.add(ceilingAct("/increase-requests", ceiling, Map.of(), theProvider,
                raw("amountCents", "1000", "grounds", text("wachtlijst\tvan 12 weken"),
                        "criteria", "[\"WAITING_TIMES\",\"NO_ALTERNATIVE_CARE\"]"),
                List.of(Field.body("amountCents", Kind.CENTS, true), Field.body("grounds", Kind.FREE_TEXT, true),
                        Field.body("criteria", Kind.ENUM_LIST, false).range(0, 20))));
        all.add(ceilingAct("/increase-requests/{requestId}/approval", ceiling, raw("requestId", toApprove), purchaser,
                raw("amountCents", "1000"), List.of(Field.path("requestId", Kind.ID),
                        Field.body("amountCents", Kind.CENTS, true))));
        all.add(ceilingAct("/increase-requests/{requestId}/rejection", ceiling, raw("requestId", toReject), purchaser,
                raw("grounds", text("genoeg aanbod"), "reasons", "[\"ALTERNATIVE_CARE_AVAILABLE\"]"),
                List.of(Field.path("requestId", Kind.ID), Field.body("grounds", Kind.FREE_TEXT, true),
                        Field.body("reasons", Kind.ENUM_LIST, false).range(0, 20))));
        all.add(ceilingAct("/increase-requests/{requestId}/information-request", ceiling, raw("requestId", toAsk),
                purchaser, raw("question", text("FTE per discipline?\nen de wachttijd?")),
                List.of(Field.path("requestId", Kind.ID), Field.body("question", Kind.FREE_TEXT, true))));
        all.add(ceilingAct("/increase-requests/{requestId}/completion", ceiling, raw("requestId", toComplete),
                theProvider, raw("information", text("12 FTE\tGZ-psycholoog")),
                List.of(Field.path("requestId", Kind.ID), Field.body("information", Kind.FREE_TEXT, true))));
        // a year that is over: its control settles it
        all.add(ceilingAct("/settlement", toSettle, Map.of(), purchaser, Map.of(), List.of()));
        all.add(ceilingAct("/addenda/{addendumId}/signature", ceiling, raw("addendumId", addendum), theProvider,
                raw("signedBy", text("dr. J. de Vries")), List.of(Field.path("addendumId", Kind.ID),
                        Field.body("signedBy", Kind.NAME, false))));
        all.add(ceilingAct("/claw-backs", ceiling, Map.of(), purchaser, raw("amountCents", "100",
                "reason", text("dubbel gedeclareerd"), "declarationIds", "[" + text(declared) + "]"), List.of(
                Field.body("amountCents", Kind.CENTS, true), Field.body("reason", Kind.FREE_TEXT, true),
                Field.body("declarationIds", Kind.ID_LIST, true).range(1, 1000))));
        // last on the signed contract: its control ends it
        all.add(contractAct("termination", signed, purchaser, raw("reason", text("opgezegd"),
                "effectiveDate", text(YEAR + "-12-01")), List.of(Field.body("reason", Kind.FREE_TEXT, true),
                Field.body("effectiveDate", Kind.DATE, true))));
        // issue 16: erasing a pseudonym; the control erases that of the declaration made above
        all.add(new Endpoint("POST", "/api/privacy/erasures", Identity.privacyOfficer(insurer), Map.of(), Map.of(),
                raw("insurerUzovi", text(insurer), "patientRef", text(pseudonym(declared))), null,
                List.of(Field.body("insurerUzovi", Kind.INSURER, true), Field.body("patientRef", Kind.ID, true)),
                true));
        // operations: the control of a rebuild would rebuild every read model, so it has none
        all.add(new Endpoint("POST", "/api/admin/read-models/rebuild", operator, Map.of(), raw("group", "timeline"),
                null, null, List.of(Field.query("group", Kind.GROUP, false)), false));
        all.add(new Endpoint("POST", "/api/admin/dead-letters/{group}/retry", operator, raw("group", "timeline"),
                Map.of(), null, null, List.of(Field.path("group", Kind.GROUP)), true));
        // webhooks (issue 17); the control of the registration adds one more subscription that soon gives up
        all.add(new Endpoint("POST", "/api/admin/webhooks", operator, Map.of(), Map.of(),
                raw("insurerUzovi", text(insurer), "url", text("https://127.0.0.1:1/hostile-control")), null,
                List.of(Field.body("insurerUzovi", Kind.INSURER, true), Field.body("url", Kind.URL, true)), true));
        all.add(new Endpoint("POST", "/api/admin/webhooks/{subscriptionId}/retry", operator,
                raw("subscriptionId", subscription), Map.of(), null, null,
                List.of(Field.path("subscriptionId", Kind.SUBSCRIPTION_ID)), true));
        all.add(new Endpoint("POST", "/api/dev/tokens", null, Map.of(), Map.of(),
                raw("role", text("PURCHASER"), "insurerUzovi", text(insurer), "providerAgb", "null",
                        "name", text("inkoper")), null, List.of(Field.body("role", Kind.ENUM, true),
                Field.body("insurerUzovi", Kind.INSURER, false), Field.body("providerAgb", Kind.PROVIDER, false),
                Field.body("name", Kind.NAME, false)), true));

        // reading
        all.add(new Endpoint("GET", "/api/contracts", regulator, Map.of(), raw("insurer", insurer,
                "year", Integer.toString(YEAR), "status", "SIGNED", "provider", provider, "limit", "10"), null, null,
                List.of(Field.query("insurer", Kind.INSURER, false), Field.query("year", Kind.YEAR, false),
                        Field.query("status", Kind.ENUM, false), Field.query("provider", Kind.PROVIDER, false),
                        Field.query("limit", Kind.LIMIT, false).range(1, 1000)), true));
        all.add(new Endpoint("GET", "/api/contracts/{contractId}", regulator, raw("contractId", signed),
                raw("asOf", now), null, null, List.of(Field.path("contractId", Kind.ID),
                Field.query("asOf", Kind.INSTANT, false)), true));
        all.add(new Endpoint("GET", "/api/contracts/{contractId}/timeline", regulator, raw("contractId", signed),
                Map.of(), null, null, List.of(Field.path("contractId", Kind.ID)), true));
        all.add(new Endpoint("GET", "/api/contracts/{contractId}/proposals", regulator, raw("contractId", signed),
                Map.of(), null, null, List.of(Field.path("contractId", Kind.ID)), true));
        all.add(new Endpoint("GET", "/api/ceilings/{ceilingId}", regulator, raw("ceilingId", ceiling),
                raw("asOf", now), null, null, List.of(Field.path("ceilingId", Kind.ID),
                Field.query("asOf", Kind.INSTANT, false)), true));
        // issue 17: the declaration lists and the claims feed
        all.add(new Endpoint("GET", "/api/ceilings/{ceilingId}/declarations", regulator, raw("ceilingId", ceiling),
                raw("status", "PAYABLE", "from", YEAR + "-01-01", "to", YEAR + "-12-31", "after", "0", "limit", "10"),
                null, null, List.of(Field.path("ceilingId", Kind.ID), Field.query("status", Kind.ENUM, false),
                Field.query("from", Kind.DATE, false), Field.query("to", Kind.DATE, false),
                Field.query("after", Kind.POSITION, false), Field.query("limit", Kind.LIMIT, false).range(1, 1000)),
                true));
        all.add(new Endpoint("GET", "/api/ceilings/{ceilingId}/declarations/{declarationId}", regulator,
                raw("ceilingId", ceiling, "declarationId", declared), Map.of(), null, null,
                List.of(Field.path("ceilingId", Kind.ID), Field.path("declarationId", Kind.ID)), true));
        all.add(new Endpoint("GET", "/api/claims-feed", claims, Map.of(), raw("after", "0", "limit", "10"), null, null,
                List.of(Field.query("after", Kind.FEED_CURSOR, false),
                        Field.query("limit", Kind.LIMIT, false).range(1, 1000)), true));
        all.add(new Endpoint("GET", "/api/monitoring/ceilings", regulator, Map.of(), raw("insurer", insurer,
                "year", Integer.toString(YEAR), "provider", provider, "providerType", "INSTITUTION", "kind", "DIGITAL",
                "minUtilisation", "0.5", "sort", "UTILISATION"), null, null, List.of(
                Field.query("insurer", Kind.INSURER, true), Field.query("year", Kind.YEAR, true),
                Field.query("provider", Kind.PROVIDER, false), Field.query("providerType", Kind.ENUM, false),
                Field.query("kind", Kind.ENUM, false), Field.query("minUtilisation", Kind.PERCENTAGE, false),
                Field.query("sort", Kind.ENUM, false)), true));
        all.add(new Endpoint("GET", "/api/monitoring/ceilings/{ceilingId}/series", regulator,
                raw("ceilingId", ceiling), Map.of(), null, null, List.of(Field.path("ceilingId", Kind.ID)), true));
        all.add(new Endpoint("GET", "/api/monitoring/increase-requests", regulator, Map.of(), raw("insurer", insurer),
                null, null, List.of(Field.query("insurer", Kind.INSURER, true)), true));
        all.add(new Endpoint("GET", "/api/reports/patient-stops", regulator, Map.of(), raw("insurer", insurer,
                "year", Integer.toString(YEAR)), null, null, List.of(Field.query("insurer", Kind.INSURER, true),
                Field.query("year", Kind.YEAR, true)), true));
        all.add(new Endpoint("GET", "/api/reports/contracting-monitor", regulator, Map.of(),
                raw("year", Integer.toString(YEAR)), null, null, List.of(Field.query("year", Kind.YEAR, true)), true));
        all.add(new Endpoint("GET", "/api/audit/events", regulator, Map.of(), raw("contractId", signed,
                "insurer", insurer, "provider", provider, "year", Integer.toString(YEAR),
                "from", YEAR - 1 + "-01-01T00:00:00Z", "to", YEAR + 1 + "-01-01T00:00:00Z",
                "eventType", "ContractOffered", "after", "0", "limit", "10"), null, null, List.of(
                Field.query("contractId", Kind.ID, false), Field.query("insurer", Kind.INSURER, false),
                Field.query("provider", Kind.PROVIDER, false), Field.query("year", Kind.YEAR, false),
                Field.query("from", Kind.INSTANT, false), Field.query("to", Kind.INSTANT, false),
                Field.query("eventType", Kind.EVENT_TYPE, false), Field.query("after", Kind.POSITION, false),
                Field.query("limit", Kind.LIMIT, false).range(1, Long.MAX_VALUE)), true));
        all.add(new Endpoint("GET", "/api/audit/bundle", regulator, Map.of(), raw("insurer", insurer,
                "year", Integer.toString(YEAR), "since", "1"), null, null, List.of(
                Field.query("insurer", Kind.INSURER, true), Field.query("year", Kind.YEAR, true),
                Field.query("since", Kind.LOG_SIZE, false)), true));
        all.add(new Endpoint("GET", "/api/policies/{insurerUzovi}/{year}", regulator,
                raw("insurerUzovi", insurer, "year", Integer.toString(YEAR)), Map.of(), null, null,
                List.of(Field.path("insurerUzovi", Kind.INSURER), Field.path("year", Kind.YEAR)), true));
        all.add(new Endpoint("GET", "/api/audit/checkpoints/{id}", regulator, raw("id", Long.toString(checkpoint)),
                Map.of(), null, null, List.of(Field.path("id", Kind.CHECKPOINT_ID)), true));
        all.add(new Endpoint("GET", "/api/audit/log/checkpoint", regulator, Map.of(), raw("insurer", insurer), null,
                null, List.of(Field.query("insurer", Kind.INSURER, false), Field.query("size", Kind.LOG_SIZE, false)),
                true));
        // no TSA in the tests' application: nothing is timestamped, so the template itself is a 404 (no control)
        all.add(new Endpoint("GET", "/api/audit/log/checkpoint/timestamp", regulator, Map.of(), raw("insurer",
                insurer, "size", "1"), null, null, List.of(Field.query("insurer", Kind.INSURER, false),
                Field.query("size", Kind.LOG_SIZE, false)), false));
        all.add(new Endpoint("GET", "/api/audit/log/proof/inclusion", regulator, Map.of(), raw("position",
                Long.toString(logged), "treeSize", Long.toString(logSize)), null, null, List.of(
                Field.query("position", Kind.LOG_SIZE, true), Field.query("treeSize", Kind.LOG_SIZE, true)), true));
        all.add(new Endpoint("GET", "/api/audit/log/proof/consistency", regulator, Map.of(), raw("from", "1",
                "to", Long.toString(insurerLogSize), "insurer", insurer), null, null, List.of(
                Field.query("from", Kind.LOG_SIZE, true), Field.query("to", Kind.LOG_SIZE, true),
                Field.query("insurer", Kind.INSURER, false)), true));
        all.add(new Endpoint("GET", "/api/admin/dead-letters", operator, Map.of(), raw("group", "timeline"), null,
                null, List.of(Field.query("group", Kind.GROUP, false)), true));
        all.add(new Endpoint("GET", "/api/admin/webhooks/{subscriptionId}", operator,
                raw("subscriptionId", subscription), Map.of(), null, null,
                List.of(Field.path("subscriptionId", Kind.SUBSCRIPTION_ID)), true));
        // last: its control deletes the subscription the others act on
        all.add(new Endpoint("DELETE", "/api/admin/webhooks/{subscriptionId}", operator,
                raw("subscriptionId", subscription), Map.of(), null, null,
                List.of(Field.path("subscriptionId", Kind.SUBSCRIPTION_ID)), true));
        return all;
    }

    private Endpoint contractAct(String act, String contractId, Identity who, Map<String, String> body,
                                 List<Field> bodyFields) {
        List<Field> fields = new ArrayList<>();
        fields.add(Field.path("contractId", Kind.ID));
        fields.addAll(bodyFields);
        return new Endpoint("POST", "/api/contracts/{contractId}/" + act, who, raw("contractId", contractId), Map.of(),
                body, null, fields, true);
    }

    private Endpoint ceilingAct(String act, String ceilingId, Map<String, String> more, Identity who,
                                Map<String, String> body, List<Field> bodyFields) {
        Map<String, String> path = new LinkedHashMap<>();
        path.put("ceilingId", ceilingId);
        path.putAll(more);
        List<Field> fields = new ArrayList<>();
        fields.add(Field.path("ceilingId", Kind.ID));
        fields.addAll(bodyFields);
        return new Endpoint("POST", "/api/ceilings/{ceilingId}" + act, who, path, Map.of(), body, null, fields, true);
    }

    private String offered(String insurer, String provider, String kind) {
        Map<String, Object> body = offerBody(insurer, kind, 1_000_000);
        body.put("providerAgb", provider);
        Api.Response offered = api.post("/api/contracts", body);
        assertThat(offered.status()).as(offered.body().toString()).isEqualTo(201);
        return offered.text("contractId");
    }

    private String increaseRequest(String ceilingId) {
        Api.Response requested = api.post("/api/ceilings/" + ceilingId + "/increase-requests",
                Map.of("amountCents", 10_000, "grounds", "wachtlijst"));
        assertThat(requested.status()).as(requested.body().toString()).isEqualTo(201);
        return requested.text("requestId");
    }

    /**
     * Two years back: a year over on the server's clock and in real time too, whatever day the server lives on
     * (MovableClock), so that the deadline recording the contract's end — on the scheduler's real clock — fires at once.
     */
    private static final int CLOSED_YEAR = YEAR - 2;

    /**
     * A contract of a closed year, offered and signed on a day of it (the server's clock moved there; tokens issued in
     * real time), so that its year is over and can be settled.
     */
    private String closedYearsContract(String insurer) {
        api.mintTokensWith(clock::inRealTime);
        clock.shiftDays((int) java.time.temporal.ChronoUnit.DAYS.between(
                today(), java.time.LocalDate.of(CLOSED_YEAR, 3, 1)));
        try {
            Map<String, Object> body = offerBody(insurer, "DIGITAL", 100_000);
            body.put("providerAgb", newProvider());
            body.put("termStart", CLOSED_YEAR + "-01-01");
            body.put("termEnd", CLOSED_YEAR + "-12-31");
            body.put("offerExpiresAt", Instant.now().plus(Duration.ofDays(30)).toString());
            Api.Response offered = api.post("/api/contracts", body);
            assertThat(offered.status()).as(offered.body().toString()).isEqualTo(201);
            String contractId = offered.text("contractId");
            assertThat(api.post("/api/contracts/" + contractId + "/signature", Map.of()).status()).isEqualTo(200);
            // its term is over: the end of the contract is recorded at once, before the inputs are counted
            await().untilAsserted(() -> assertThat(api.get("/api/contracts/" + contractId).text("status"))
                    .isEqualTo("ENDED"));
            return contractId;
        } finally {
            clock.reset();
        }
    }

    // --- the bad values ---

    /** Never allowed in any text (README "Input rules"), as JSON string escapes. */
    private static final List<String> FORBIDDEN_IN_TEXT = List.of("\u0000", "\u0001", "\u0008", "\u001b", "\u007f",
            "\u0085", "\u009b", "\u202a", "\u202e", "\u2066", "\u2069", "\ud800", "\udfff", "\ufffe", "\uffff",
            "\ufdd0");
    /** Allowed in free text, not in an id or a code. */
    private static final List<String> INVISIBLE_OR_FOREIGN = List.of(" ", "\u00a0", "\u200b", "\u200d", "\ufeff",
            "\u2028", "é", "ｘ", "３", "\t", "\n");

    private static List<String> badValues(Field field) {
        boolean json = field.where() == Where.BODY || field.where() == Where.LINE;
        List<String> values = new ArrayList<>();
        switch (field.kind()) {
            case ID, CODE, NAME, FREE_TEXT, DECIMAL, INSURER, PROVIDER, GROUP, EVENT_TYPE, URL -> {
                List<String> plain = new ArrayList<>();
                int max = switch (field.kind()) {
                    case ID, GROUP -> 64;
                    case CODE, INSURER, PROVIDER -> 20;
                    case NAME -> 200;
                    case DECIMAL -> 14;
                    case EVENT_TYPE -> 200;
                    case URL -> 2_000;
                    default -> 4_000;
                };
                String base = switch (field.kind()) {
                    case INSURER -> "3311";
                    case PROVIDER -> "94001234";
                    case DECIMAL -> "92.50";
                    case GROUP -> "timeline";
                    case EVENT_TYPE -> "ContractOffered";
                    case URL -> "https://claims.example/hooks";
                    default -> "a1";
                };
                for (String forbidden : FORBIDDEN_IN_TEXT) {
                    plain.add(base + forbidden);
                    plain.add(forbidden + base);
                }
                if (field.kind() != Kind.FREE_TEXT && field.kind() != Kind.NAME && field.kind() != Kind.GROUP
                        && field.kind() != Kind.EVENT_TYPE) {
                    INVISIBLE_OR_FOREIGN.forEach(c -> plain.add(base.charAt(0) + c + base.substring(1)));
                }
                if (field.kind() == Kind.NAME) {
                    plain.addAll(List.of("dr.\nJ", "dr.\tJ", "dr.\rJ", "dr.\u2028J"));
                }
                plain.add("x".repeat(max + 1));
                plain.add("y".repeat(100_000));
                if (field.kind() == Kind.INSURER || field.kind() == Kind.PROVIDER) {
                    plain.addAll(List.of("331", "33111", "９４００１２３４", "3311 ", "-3311", "0x1A"));
                }
                if (field.kind() == Kind.DECIMAL) {
                    plain.addAll(List.of("1" + "0".repeat(80_000) + "E-80003", "1e-999999999", "1E2", "NaN",
                            "Infinity", "92,50", "0", "100.001", "-5", "92.505", ".", "1.2.3"));
                }
                if (field.kind() == Kind.CODE) {
                    plain.addAll(List.of("CO-0142", "CO.0142", "CO_0142"));
                }
                if (field.kind() == Kind.EVENT_TYPE) {
                    plain.addAll(List.of("NoSuchEvent", "OfferContract", "nl.elsewhere.ContractOffered"));
                }
                if (field.kind() == Kind.GROUP) {
                    plain.addAll(List.of("no-such-group", "..", "timeline/../monitoring"));
                }
                if (field.kind() == Kind.URL) {
                    // payment data goes only over https (plain http only to loopback, in the trial)
                    plain.addAll(List.of("http://claims.example/hooks", "ftp://claims.example/hooks",
                            "https://user:secret@claims.example/hooks", "https://claims.example/hooks#x",
                            "/hooks", "claims.example/hooks", "https://", "https://claims.example:99999/h",
                            "https://claims example/h", "https://claims.example/h\u00e9", "javascript:alert(1)",
                            "file:///etc/passwd", "http://10.0.0.1/hooks", "http://localhost.example/hooks",
                            "https://claims.example/" + "x".repeat(2_000)));
                }
                if (json && (field.required() || field.kind() == Kind.ID || field.kind() == Kind.CODE
                        || field.kind() == Kind.DECIMAL)) {
                    plain.add("");
                }
                values.addAll(json ? texts(plain.toArray(String[]::new)) : plain);
                if (json) {
                    values.addAll(List.of("12", "-1", "1.5", "true", "{}", "[]", "[\"a1\"]", "1e400"));
                    if (field.kind() == Kind.DECIMAL) {
                        values.add("92.5");
                    }
                }
            }
            case CENTS, LINE_CENTS -> {
                values.addAll(List.of("-9223372036854775808", "9223372036854775807", "9223372036854775808",
                        "-9223372036854775809", "1e400", "-1e400", "1e18", "1.5", "0.000000001", "-0.0", "0",
                        "10000000000001", "-10000000000001", "1" + "0".repeat(30), "1" + "0".repeat(5_000),
                        "\"12\"", "\"\"", "true", "{}", "[]", "[100]"));
                if (field.kind() == Kind.CENTS) {
                    values.add("-1");
                }
            }
            case INT -> values.addAll(List.of(Long.toString(field.min() - 1), Long.toString(field.max() + 1),
                    "-2147483649", "2147483648", "-9223372036854775808", "9223372036854775807", "1e400", "-1e400",
                    "1.5", "1" + "0".repeat(30), "\"28\"", "true", "{}", "[28]"));
            case DATE -> values.addAll(dates(!json));
            case INSTANT -> values.addAll(instants(!json));
            case ENUM -> {
                if (json) {
                    values.addAll(texts("X", "institution", "capacity", "DIGITAL\u0000", "\u202eDIGITAL", "DIGITAL ",
                            "Z".repeat(100_000), ""));
                    values.addAll(List.of("1", "true", "[\"DIGITAL\"]", "{}"));
                } else {
                    values.addAll(List.of("X", "signed", "institution", "SIGNED\u0000", "\u202eSIGNED", "1",
                            "Z".repeat(10_000), "SIGNED,DECLINED", "ＳＩＧＮＥＤ"));
                }
            }
            case INT_LIST, ID_LIST, CODE_LIST -> {
                String good = switch (field.kind()) {
                    case INT_LIST -> "2";
                    case ID_LIST -> "\"d-1\"";
                    default -> "\"XX9999\"";
                };
                values.addAll(List.of("[null]", "[" + good + ",null]", good, "{}", "\"x\"", "[{}]", "[[" + good + "]]",
                        "[" + String.join(",", Collections.nCopies((int) field.max() + 1, good)) + "]"));
                if (field.kind() == Kind.INT_LIST) {
                    values.addAll(List.of("[" + (field.min() - 1) + "]", "[" + (field.max() + 1) + "]", "[1e400]",
                            "[1.5]", "[\"2\"]", "[2147483648]", "[true]", "[-9223372036854775808]"));
                } else {
                    String rule = field.kind() == Kind.ID_LIST ? "d-" : "CO";
                    for (String forbidden : List.of("\u0000", "\u202e", "\ud800", "\u0085", "\u200b", " ", "é")) {
                        values.add("[" + text(rule + forbidden) + "]");
                    }
                    values.addAll(List.of("[\"\"]", "[1]", "[true]", "[" + text("x".repeat(65)) + "]"));
                }
                if (field.required() || field.name().equals("settings") || field.name().equals("thresholdPercents")) {
                    values.add("[]");
                }
            }
            case ENUM_LIST -> values.addAll(List.of("[\"X\"]", "[null]", "[\"WAITING_TIMES\",null]", "\"WAITING_TIMES\"",
                    "{}", "[1]", "[true]", "[\"\"]", "[\"waiting_times\"]", "[\"WAITING_TIMES\\u0000\"]",
                    "[\"\\u202eOTHER\"]", "[[\"OTHER\"]]", "[{}]", "[\"" + "Z".repeat(100_000) + "\"]",
                    "[" + String.join(",", Collections.nCopies((int) field.max() + 1, "\"OTHER\"")) + "]"));
            case PERIOD -> values.addAll(List.of("\"P\"", "\"P-1D\"", "\"PT1H\"", "\"P0D\"", "\"1M\"", "\"P1.5D\"",
                    "\"P99999D\"", "\"p6m\"", "\"P6M \"", "\" P6M\"", "\"P6M\\u0000\"", "\"\\u202eP6M\"", "\"P6Y\"",
                    "\"P1000Y\"", "\"P6M1H\"", "\"\"", "\"x\"", "6", "true", "{}", "[]", "[\"P6M\"]",
                    "\"P" + "9".repeat(10_000) + "D\""));
            case PERIODS -> values.addAll(List.of("{\"DIGITAL\":\"X\"}", "{\"X\":\"P1M\"}", "{\"DIGITAL\":null}", "[]",
                    "\"x\"", "1", "{\"DIGITAL\":\"P2Y\"}", "{\"digital\":\"P1M\"}", "{\"DIGITAL\":\"P0D\"}",
                    "{\"DIGITAL\":28}", "{\"\":\"P1M\"}", "{\"DIGITAL\\u0000\":\"P1M\"}", "{\"DIGITAL\":{}}",
                    "{\"DIGITAL\":\"PT1H\"}", "{\"DIGITAL\":\"P-28D\"}", "{\"DIGITAL\":[\"P1M\"]}"));
            case TERM_YEARS -> values.addAll(List.of("{\"INSTITUTION\":3}", "{\"INSTITUTION\":0}", "{\"X\":1}",
                    "{\"INSTITUTION\":null}", "[]", "\"x\"", "1", "{\"INSTITUTION\":1e400}",
                    "{\"INSTITUTION\":\"1\"}", "{\"INSTITUTION\":1.5}", "{\"institution\":1}", "{\"\":1}",
                    "{\"INSTITUTION\\u0000\":1}", "{\"INSTITUTION\":{}}"));
            // 1 to 5 years, never below the type's termYears (the template's: INDEPENDENT 2)
            case MAX_TERM_YEARS -> values.addAll(List.of("{\"INSTITUTION\":6}", "{\"INSTITUTION\":0}",
                    "{\"INSTITUTION\":-1}", "{\"INDEPENDENT\":1}", "{\"X\":2}", "{\"INSTITUTION\":null}", "[]",
                    "\"x\"", "1", "true", "{\"INSTITUTION\":1e400}", "{\"INSTITUTION\":2147483648}",
                    "{\"INSTITUTION\":\"2\"}", "{\"INSTITUTION\":1.5}", "{\"institution\":2}", "{\"\":2}",
                    "{\"INSTITUTION\\u0000\":2}", "{\"\\u202eINSTITUTION\":2}", "{\"INSTITUTION\":{}}",
                    "{\"INSTITUTION\":[2]}"));
            // a misspelt provider type (INDEPENDANT) is refused naming it, never ignored
            case SETTINGS_BY_TYPE -> values.addAll(List.of("{\"INDEPENDENT\":[]}", "{\"INDEPENDENT\":[9]}",
                    "{\"INDEPENDENT\":[0]}", "{\"INDEPENDENT\":[-1]}", "{\"INDEPENDENT\":null}",
                    "{\"INDEPENDENT\":[null]}", "{\"INDEPENDENT\":[1,null]}", "{\"INDEPENDANT\":[1]}",
                    "{\"independent\":[1]}", "{\"\":[1]}", "{\"INDEPENDENT\\u0000\":[1]}",
                    "{\"\\u202eINDEPENDENT\":[1]}", "{\"INDEPENDENT \":[1]}", "{\"INDEPENDENT\":1}",
                    "{\"INDEPENDENT\":\"1\"}", "{\"INDEPENDENT\":[\"1\"]}", "{\"INDEPENDENT\":[1.5]}",
                    "{\"INDEPENDENT\":[1e400]}", "{\"INDEPENDENT\":[2147483648]}", "{\"INDEPENDENT\":[[1]]}",
                    "{\"INDEPENDENT\":[true]}", "{\"INDEPENDENT\":{}}", "{\"INDEPENDENT\":[1,1,1,1,1,1,1,1,1]}",
                    "[]", "\"x\"", "1", "true", "[{\"INDEPENDENT\":[1]}]"));
            // setting number (1 to 8) to a percentage as text; the template's settings are 2 (and 3)
            case TARIFFS -> {
                values.addAll(List.of("{\"9\":\"92.50\"}", "{\"0\":\"92.50\"}", "{\"x\":\"92.50\"}",
                        "{\"\":\"92.50\"}", "{\"02\":\"92.50\"}", "{\"2 \":\"92.50\"}", "{\"+2\":\"92.50\"}",
                        "{\"2.0\":\"92.50\"}", "{\"\\uff12\":\"92.50\"}", "{\"2\\u0000\":\"92.50\"}",
                        "{\"\\u202e2\":\"92.50\"}", "{\"4\":\"92.50\"}", "{\"2\":\"abc\"}",
                        "{\"2\":\"101\"}", "{\"2\":\"0\"}", "{\"2\":\"-5\"}", "{\"2\":\"92.505\"}",
                        "{\"2\":\"1e400\"}", "{\"2\":\"NaN\"}", "{\"2\":\"92,50\"}", "{\"2\":\"92.50\\u0000\"}",
                        "{\"2\":\"\\u202e92.50\"}", "{\"2\":\"\"}", "{\"2\":null}", "{\"2\":92.5}",
                        "{\"2\":92}", "{\"2\":true}", "{\"2\":{}}", "{\"2\":[]}", "{\"2\":[\"92.50\"]}",
                        "{\"2\":\"" + "9".repeat(100_000) + "\"}", "{\"" + "2".repeat(100_000) + "\":\"92.50\"}",
                        "{}", "[]", "\"x\"", "1", "true", "[{\"2\":\"92.50\"}]"));
            }
            case BATCH -> values.addAll(List.of("null", "[]", "{}", "\"x\"", "1",
                    "[" + String.join(",", Collections.nCopies(5_001, "{}")) + "]"));
            case YEAR -> values.addAll(List.of("1999", "2101", "0", "-1", "99999999999", "2027.0", "1e3", "abc",
                    "+10000", "２０２７", "0x7EB", "#7EB", "2027\u0000", "\u202e2027", "9".repeat(5_000)));
            case LIMIT -> {
                values.addAll(List.of("0", "-1", "1.5", "1e3", "abc", "99999999999999999999", "\u0000", "１０",
                        "0xA", "9".repeat(5_000)));
                if (field.max() < Long.MAX_VALUE) {
                    values.add(Long.toString(field.max() + 1));
                }
            }
            case POSITION -> values.addAll(List.of("-1", "1.5", "1e3", "abc", "99999999999999999999", "\u0000", "１",
                    "9".repeat(5_000)));
            // a feed cursor is a position, or a position and a line index ("1234.17")
            case FEED_CURSOR -> values.addAll(List.of("-1", "1.", ".1", "1.2.3", "1.-1", "1e3", "abc", "0x10",
                    "99999999999999999999", "1.9999999999", "\u0000", "１", "1 ", "9".repeat(5_000)));
            case PERCENTAGE -> values.addAll(List.of("1e999999999", "-1e999999999", "-1", "100001", "NaN",
                    "Infinity", "1.234", "abc", "0x10", "1" + "0".repeat(2_000), "\u0000", "1e-999999999", "５０"));
            case SUBSCRIPTION_ID -> values.addAll(List.of("abc", "not-a-uuid", "3f2b8c1e-0d4a-4b7e-9c51-2a6f0e8d9b1",
                    "3f2b8c1e0d4a4b7e9c512a6f0e8d9b13", "3f2b8c1e-0d4a-4b7e-9c51-2a6f0e8d9b13\u0000",
                    "\u202e3f2b8c1e-0d4a-4b7e-9c51-2a6f0e8d9b13", "３f2b8c1e-0d4a-4b7e-9c51-2a6f0e8d9b13",
                    "x".repeat(65), "9".repeat(5_000), UUID.randomUUID().toString(), ".."));
            // a tree size or position of the verifiable log: 1 or more, and never beyond the log
            case LOG_SIZE -> values.addAll(List.of("0", "-1", "1.5", "1e3", "abc", "99999999999999999999",
                    "999999999999999999", "\u0000", "１", "0x1", "\u202e1", "9".repeat(5_000)));
            case CHECKPOINT_ID -> values.addAll(List.of("abc", "1.5", "99999999999999999999", "1e3", "\u202e1",
                    "\u0001", "9".repeat(5_000), "-0x1", "０x1", "１"));
        }
        if (field.required() && json) {
            values.add("null");
        }
        return values;
    }

    private static List<String> dates(boolean plain) {
        List<String> dates = new ArrayList<>(List.of("0000-01-01", "9999-12-31", "+10000-01-01", "-0001-01-01",
                "+999999999-12-31", "1999-12-31", "2101-01-01", "2027-02-30", "2027-13-01", "27-01-01",
                "2027-1-1", "2027-01-01T00:00:00Z", " 2027-01-01", "２０２７-01-01", "2027-01-01\u0000", "\u202e2027-01-01",
                "1".repeat(10_000)));
        if (plain) {
            return dates;
        }
        List<String> json = new ArrayList<>(texts(dates.toArray(String[]::new)));
        json.addAll(List.of("20270101", "[2027,1,1]", "{}", "true", "\"\""));
        return json;
    }

    private static List<String> instants(boolean plain) {
        List<String> instants = new ArrayList<>(List.of("0000-01-01T00:00:00Z", "9999-12-31T23:59:59Z",
                "+10000-01-01T00:00:00Z", "-0001-01-01T00:00:00Z", "+999999999-12-31T23:59:59.999999999-18:00",
                "-999999999-01-01T00:00:00+18:00", "2101-01-01T00:00:00Z", "1999-12-31T23:59:59Z", "2027-04-01",
                "2027-04-01T00:00:00", "2027-04-01T00:00:00+25:00", "2027-04-01T25:00:00Z", "2027-04-01 00:00:00Z",
                "1700000000", "2027-04-01T00:00:00Z\u0000", "\u202e2027-04-01T00:00:00Z", "2".repeat(10_000)));
        if (plain) {
            return instants;
        }
        List<String> json = new ArrayList<>(texts(instants.toArray(String[]::new)));
        json.addAll(List.of("1700000000", "1.7e9", "[2027,4,1,0,0]", "{}", "true", "\"\""));
        return json;
    }

    /** Random text with a character no text may hold, at a random place (QuickTheories, fixed seed). */
    private void randomTexts(Endpoint endpoint, Field field) {
        boolean text = switch (field.kind()) {
            case ID, CODE, NAME, FREE_TEXT, DECIMAL, INSURER, PROVIDER, GROUP, EVENT_TYPE, URL -> true;
            default -> false;
        };
        if (!text) {
            return;
        }
        Gen<String> forbidden = Generate.pick(FORBIDDEN_IN_TEXT);
        try {
            qt().withFixedSeed(SEED + field.name().hashCode()).withExamples(RANDOM_TEXTS_PER_FIELD)
                    .forAll(strings().allPossible().ofLengthBetween(0, 30), forbidden, integers().between(0, 30))
                    .checkAssert((random, bad, at) -> {
                        int cut = Math.min(at, random.length());
                        if (cut > 0 && Character.isHighSurrogate(random.charAt(cut - 1))) {
                            cut--;
                        }
                        String value = random.substring(0, cut) + bad + random.substring(cut);
                        String shown = field.where() == Where.BODY || field.where() == Where.LINE ? text(value) : value;
                        String failure = tryInput(endpoint, field, shown);
                        assertThat(failure).as("%s %s = %s", endpoint.name(), field.name(), escaped(value)).isNull();
                    });
        } catch (AssertionError e) {
            // QuickTheories shrank it to the smallest failing text; kept with the others, so that all are reported
            failures.add(e.getMessage());
        }
    }

    /** Bodies and lines whose shape is wrong: duplicate keys, unknown fields, no object, no UTF-8, deep nesting. */
    private void structural(Endpoint endpoint) {
        Map<String, String> fields = endpoint.line() != null ? endpoint.line() : endpoint.body();
        if (fields == null) {
            return;
        }
        Where where = endpoint.line() != null ? Where.LINE : Where.BODY;
        Field shape = new Field("(shape)", where, Kind.BATCH, true, 0, 0);
        for (String name : fields.keySet()) {
            if (name.equals("duplicateOf")) {
                continue;
            }
            tryRaw(endpoint, shape, withFields(endpoint, name, "," + quoted(name) + ":" + fields.get(name)),
                    "duplicate");
        }
        String first = fields.isEmpty() ? "settledAt" : fields.keySet().iterator().next();
        for (String unknown : List.of(first + "X", "__proto__", "@type", "a\u0000")) {
            tryRaw(endpoint, shape, withFields(endpoint, null, "," + text(unknown) + ":1"), "unknown");
        }
        if (where == Where.BODY) {
            List<String> notObjects = new ArrayList<>(List.of("[]", "\"x\"", "1", "{\"a\":", "{}} x", "<x/>",
                    "[".repeat(5_000), "{\"a\":" + "[".repeat(100) + "]".repeat(100) + "}"));
            if (!endpoint.optionalBody()) {
                notObjects.addAll(List.of("null", ""));
            }
            for (String body : notObjects) {
                tryRaw(endpoint, shape, body, null);
            }
            if (endpoint.method().equals("PUT") && endpoint.template().startsWith("/api/policies")) {
                tryRaw(endpoint, shape, bodyOf(endpoint, "termYears",
                        "{\"INSTITUTION\":1,\"INSTITUTION\":2}"), "duplicate");
                tryRaw(endpoint, shape, bodyOf(endpoint, "maxTermYears",
                        "{\"INSTITUTION\":2,\"INSTITUTION\":3}"), "duplicate");
                tryRaw(endpoint, shape, bodyOf(endpoint, "settingsByProviderType",
                        "{\"INDEPENDENT\":[1],\"INDEPENDENT\":[2]}"), "duplicate");
            }
            if (endpoint.body().containsKey("tariffPercentages")) {
                tryRaw(endpoint, shape, bodyOf(endpoint, "tariffPercentages",
                        "{\"2\":\"91.00\",\"2\":\"92.00\"}"), "duplicate");
            }
        } else {
            for (String line : List.of("null", "1", "\"x\"", "[]")) {
                tryRaw(endpoint, shape, "{\"declarations\":[" + line + "," + neighbour(endpoint) + "]}", null);
            }
        }
        // not UTF-8 (an overlong NUL, a lone surrogate in CESU-8, a cut-off sequence) in a text field of the template
        String textField = fields.entrySet().stream().filter(e -> e.getValue().startsWith("\"")
                && !e.getKey().equals("duplicateOf")).map(Map.Entry::getKey).findFirst().orElse(null);
        for (byte[] bytes : List.of(new byte[]{(byte) 0xC0, (byte) 0x80}, new byte[]{(byte) 0xED, (byte) 0xA0,
                (byte) 0x80}, new byte[]{(byte) 0xE2, (byte) 0x80})) {
            String body;
            if (where == Where.LINE) {
                Map<String, String> line = withDeclarationId(endpoint.line());
                line.put("patientRef", "\"p\u0001\"");
                body = "{\"declarations\":[" + object(line) + "," + neighbour(endpoint) + "]}";
            } else {
                body = textField == null ? "{\"x\":\"\u0001\"}" : bodyOf(endpoint, textField, "\"a\u0001\"");
            }
            tryBytes(endpoint, new Field(where == Where.LINE ? "patientRef" : String.valueOf(textField), where,
                    Kind.ID, true, 0, 0), body, bytes);
        }
    }

    /**
     * Issue 18: {@code POST /api/audit/log/cosignatures} takes a text/plain note, not JSON: hostile notes, bytes and
     * content types are refused as problems and no cosignature is kept; a valid one is accepted (the control).
     */
    private void cosignatureBodies() {
        Endpoint endpoint = new Endpoint("POST", "/api/audit/log/cosignatures", Identity.regulator(), Map.of(),
                Map.of(), null, null, List.of(), false);
        tallies.put(endpoint.name(), new Tally());
        Field note = new Field("(note)", Where.BODY, Kind.FREE_TEXT, true, 0, 0);
        String checkpoint = api.as(Identity.regulator()).getText("/api/audit/log/checkpoint?insurer=" + logInsurer,
                null).body();
        nl.ggz.contracts.audit.LogCheckpoint head = nl.ggz.contracts.audit.LogCheckpoint.parse(checkpoint);
        String body = head.body();
        String[] lines = body.split("\n");
        String line;
        java.security.PrivateKey key;
        try {
            key = LogWitnessTest.witnessKey();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        line = nl.ggz.contracts.audit.Cosignature.line(body, LogWitnessTest.WITNESS, key, Instant.now());
        String signatures = checkpoint.substring(body.length());
        java.util.function.Function<String, String> withBody = other -> other + signatures + line;
        byte[] otherRoot = head.rootHash().clone();
        otherRoot[3] ^= 1;
        String blob = line.substring(line.lastIndexOf(' ') + 1).strip();
        long cosignaturesBefore = jdbc.queryForObject("SELECT count(*) FROM audit_log_cosignature", Long.class);

        List<String> bad = new ArrayList<>(List.of("", "x", "\n", "\n\n", "\u0000", checkpoint, body,
                checkpoint + line.strip(), checkpoint.replace("\n\n", "\n\u0000\n") + line,
                "\u202e" + checkpoint + line, "\ufeff" + checkpoint + line, checkpoint + line + line,
                checkpoint + "\u2014 nza.example/witness " + blob.substring(4) + "\n",
                checkpoint + "\u2014 nza.example/witness !!!\n", checkpoint + "\u2014 \n", checkpoint + "-- x y\n",
                checkpoint + "\u2014 " + "w".repeat(5_000) + " " + blob + "\n",
                checkpoint + "\u2014 someone.example/witness " + blob + "\n",
                withBody.apply(lines[0] + "\n0\n" + lines[2] + "\n"),
                withBody.apply(lines[0] + "\n0" + lines[1] + "\n" + lines[2] + "\n"),
                withBody.apply(lines[0] + "\n-1\n" + lines[2] + "\n"),
                withBody.apply(lines[0] + "\n1e3\n" + lines[2] + "\n"),
                withBody.apply(lines[0] + "\n99999999999999999999\n" + lines[2] + "\n"),
                withBody.apply(lines[0] + "\n999999999999999999\n" + lines[2] + "\n"),
                withBody.apply(lines[0] + "\n" + lines[1] + "\n" + lines[2].substring(1) + "\n"),
                withBody.apply(lines[0] + "\n" + lines[1] + "\n" + java.util.Base64.getEncoder().encodeToString(
                        otherRoot) + "\n"),
                withBody.apply("example.com/log\n" + lines[1] + "\n" + lines[2] + "\n"),
                withBody.apply(lines[0] + "0\n" + lines[1] + "\n" + lines[2] + "\n"),
                withBody.apply(body + "extension line\n"),
                withBody.apply(lines[1] + "\n" + lines[2] + "\n"),
                checkpoint + nl.ggz.contracts.audit.Cosignature.line(body, LogWitnessTest.WITNESS, key,
                        Instant.now().plus(Duration.ofDays(1))),
                checkpoint + "a".repeat(70_000) + line));
        for (String text : bad) {
            check(endpoint, note, exchange("POST", url(endpoint, null, null), endpoint.who(),
                    HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8), correlation(endpoint),
                    "text/plain; charset=utf-8"), text);
        }
        for (byte[] bytes : List.of(new byte[]{(byte) 0xC0, (byte) 0x80}, new byte[]{(byte) 0xED, (byte) 0xA0,
                (byte) 0x80}, new byte[]{(byte) 0xE2, (byte) 0x80}, new byte[]{(byte) 0xFF})) {
            byte[] text = (checkpoint + line).getBytes(StandardCharsets.UTF_8);
            byte[] broken = java.util.Arrays.copyOf(text, text.length + bytes.length);
            System.arraycopy(bytes, 0, broken, text.length, bytes.length);
            check(endpoint, note, exchange("POST", url(endpoint, null, null), endpoint.who(),
                    HttpRequest.BodyPublishers.ofByteArray(broken), correlation(endpoint), "text/plain"),
                    "bytes " + java.util.HexFormat.of().formatHex(bytes));
        }
        for (String type : java.util.Arrays.asList(null, "application/json", "text/html", "application/x-www-form-"
                + "urlencoded", "text", "multipart/form-data; boundary=x")) {
            check(endpoint, note, exchange("POST", url(endpoint, null, null), endpoint.who(),
                    HttpRequest.BodyPublishers.ofString(checkpoint + line), correlation(endpoint), type),
                    "Content-Type " + type);
        }
        check(endpoint, new Field("unknown", Where.QUERY, Kind.ID, false, 0, 0), exchange("POST",
                url(endpoint, null, null) + "?x=1", endpoint.who(), HttpRequest.BodyPublishers.ofString(checkpoint
                        + line), correlation(endpoint), "text/plain"), "x=1");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM audit_log_cosignature", Long.class))
                .as("cosignatures kept from refused bodies").isEqualTo(cosignaturesBefore);

        // the control: the witness's valid cosignature of that head is accepted
        Answer valid = exchange("POST", url(endpoint, null, null), endpoint.who(), HttpRequest.BodyPublishers.ofString(
                checkpoint + line, StandardCharsets.UTF_8), "control-" + run + "-cosignature", "text/plain");
        assertThat(valid.status()).as(valid.body()).isEqualTo(200);
    }

    // --- trying ---

    private String tryInput(Endpoint endpoint, Field field, String bad) {
        return switch (field.where()) {
            case PATH, QUERY -> check(endpoint, field, send(endpoint.method(), url(endpoint, field, bad),
                    endpoint.who(), bodyOf(endpoint, null, null), correlation(endpoint)), bad);
            case BODY -> check(endpoint, field, send(endpoint.method(), url(endpoint, null, null), endpoint.who(),
                    field.kind() == Kind.BATCH ? "{\"declarations\":" + bad + "}" : bodyOf(endpoint, field.name(), bad),
                    correlation(endpoint)), bad);
            case LINE -> {
                Map<String, String> line = new LinkedHashMap<>(endpoint.line());
                line.put("declarationId", text("H-" + UUID.randomUUID()));
                line.put(field.name(), bad);
                String batch = "{\"declarations\":[" + object(line) + "," + neighbour(endpoint) + "]}";
                yield check(endpoint, field, send(endpoint.method(), url(endpoint, null, null), endpoint.who(), batch,
                        correlation(endpoint)), bad);
            }
        };
    }

    /** A body of a wrong shape; when {@code word} is given, the refusal (problem or line reason) says it. */
    private void tryRaw(Endpoint endpoint, Field shape, String body, String word) {
        Answer answer = send(endpoint.method(), url(endpoint, null, null), endpoint.who(), body, correlation(endpoint));
        if (check(endpoint, shape, answer, body) != null || word == null) {
            return;
        }
        JsonNode parsed = parse(answer.body());
        String said = answer.status() == 200 ? parsed.path("results").path(0).path("reason").asText()
                : parsed.path("detail").asText();
        if (!said.toLowerCase(Locale.ROOT).contains(word)) {
            failures.add(endpoint.name() + " " + abbreviated(escaped(body)) + ": the refusal does not say '" + word
                    + "': " + said);
        }
    }

    private void tryBytes(Endpoint endpoint, Field shape, String body, byte[] bad) {
        byte[] text = body.getBytes(StandardCharsets.UTF_8);
        int at = body.indexOf('\u0001');
        byte[] bytes = new byte[text.length - 1 + bad.length];
        System.arraycopy(text, 0, bytes, 0, at);
        System.arraycopy(bad, 0, bytes, at, bad.length);
        System.arraycopy(text, at + 1, bytes, at + bad.length, text.length - at - 1);
        Answer answer = exchange(endpoint.method(), url(endpoint, null, null), endpoint.who(),
                HttpRequest.BodyPublishers.ofByteArray(bytes), correlation(endpoint));
        check(endpoint, shape, answer, "bytes " + java.util.HexFormat.of().formatHex(bad));
    }

    /** Null when the answer is a refusal as it should be; else what is wrong, also kept in {@link #failures}. */
    private String check(Endpoint endpoint, Field field, Answer answer, String input) {
        Tally tally = tallies.get(endpoint.name());
        tally.inputs++;
        String problem = null;
        if (answer.status() >= 500) {
            tally.failed5xx++;
            problem = "answered " + answer.status();
        } else if (answer.status() >= 400) {
            if (!answer.contentType().startsWith("application/problem+json")) {
                problem = "answered " + answer.status() + " as " + answer.contentType();
            } else {
                String detail = parse(answer.body()).path("detail").asText();
                if (detail.isBlank() || detail.length() > 1_000) {
                    problem = "a detail of " + detail.length() + " characters";
                } else if (quotesMoreThanFortyCharacters(detail, input)) {
                    problem = "the detail quotes more than 40 characters of the input";
                }
            }
            if (problem == null) {
                tally.refused++;
            }
        } else if (answer.status() == 200 && endpoint.line() != null && field.where() != Where.BODY) {
            problem = lineProblem(field, parse(answer.body()).path("results"));
            if (problem == null) {
                tally.linesRejected++;
            }
        } else {
            problem = "answered " + answer.status();
        }
        if (problem != null && answer.status() < 500) {
            tally.otherwise++;
        }
        if (answer.body().contains("Exception") || answer.body().contains("\tat ") || answer.body().contains("SQL")) {
            problem = "leaks a stack trace or SQL";
        }
        if (problem == null) {
            return null;
        }
        String failure = endpoint.name() + " " + field.name() + " = " + abbreviated(escaped(input)) + ": " + problem
                + ": " + abbreviated(answer.body());
        failures.add(failure);
        return failure;
    }

    /** The bad line is REJECTED with a reason naming its field, and its neighbour is still answered. */
    private static String lineProblem(Field field, JsonNode results) {
        JsonNode bad = results.path(0);
        if (!bad.path("status").asText().equals("REJECTED")) {
            return "the bad line is " + bad;
        }
        String reason = bad.path("reason").asText();
        if (reason.isBlank() || reason.length() > 1_000) {
            return "a reason of " + reason.length() + " characters";
        }
        if (field.kind() != Kind.BATCH && !reason.contains(field.name())) {
            return "the reason does not name " + field.name() + ": " + reason;
        }
        if (!results.path(1).path("status").asText().equals("DUPLICATE")) {
            return "its neighbour was not answered as before: " + results.path(1);
        }
        return null;
    }

    private Answer send(String method, String url, Identity who, String body, String correlation) {
        return exchange(method, url, who, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8), correlation);
    }

    private Answer exchange(String method, String url, Identity who, HttpRequest.BodyPublisher body,
                            String correlation) {
        return exchange(method, url, who, body, correlation, "application/json");
    }

    private Answer exchange(String method, String url, Identity who, HttpRequest.BodyPublisher body,
                            String correlation, String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("X-Correlation-Id", correlation).method(method, body);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (who != null) {
            request.header("Authorization", "Bearer " + api.token(who));
        }
        try {
            HttpResponse<String> response;
            try {
                response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                // a kept-alive connection that the server closed after refusing the request before (Tomcat closes it
                // after some refusals): the same request once more, on a new connection
                response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            }
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + url, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String correlation(Endpoint endpoint) {
        String id = "hostile-" + run + "-" + sequence.incrementAndGet();
        endpointOfCorrelation.put(id, endpoint.name());
        return id;
    }

    // --- building requests ---

    private String url(Endpoint endpoint, Field field, String bad) {
        String path = endpoint.template();
        for (Map.Entry<String, String> variable : endpoint.path().entrySet()) {
            String value = field != null && field.where() == Where.PATH && field.name().equals(variable.getKey())
                    ? bad : variable.getValue();
            path = path.replace("{" + variable.getKey() + "}", encode(value));
        }
        Map<String, String> query = new LinkedHashMap<>(endpoint.query());
        if (field != null && field.where() == Where.QUERY) {
            query.put(field.name(), bad);
        }
        String queryString = query.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return "http://localhost:" + port + path + (queryString.isEmpty() ? "" : "?" + queryString);
    }

    private static String bodyOf(Endpoint endpoint, String field, String bad) {
        if (endpoint.line() != null) {
            return "{\"declarations\":[" + object(withDeclarationId(endpoint.line())) + "]}";
        }
        if (endpoint.body() == null) {
            return null;
        }
        Map<String, String> body = new LinkedHashMap<>(endpoint.body());
        if (field != null) {
            body.put(field, bad);
        }
        return object(body);
    }

    /** The template with a field given twice (duplicate) or an extra field appended. */
    private static String withFields(Endpoint endpoint, String name, String extra) {
        Map<String, String> fields = endpoint.line() != null ? withDeclarationId(endpoint.line()) : endpoint.body();
        String object = object(fields);
        String changed = object.equals("{}") ? "{" + extra.substring(1) + "}"
                : object.substring(0, object.length() - 1) + extra + "}";
        return endpoint.line() != null ? "{\"declarations\":[" + changed + "," + neighbour(endpoint) + "]}" : changed;
    }

    private static Map<String, String> withDeclarationId(Map<String, String> line) {
        Map<String, String> fresh = new LinkedHashMap<>(line);
        fresh.put("declarationId", text("H-" + UUID.randomUUID()));
        return fresh;
    }

    /** An earlier accepted declaration sent again: answered DUPLICATE, storing nothing, unless its batch failed. */
    private static String neighbour(Endpoint endpoint) {
        Map<String, String> line = new LinkedHashMap<>(endpoint.line());
        line.put("declarationId", endpoint.line().get("duplicateOf"));
        line.remove("duplicateOf");
        return object(line);
    }

    private static String object(Map<String, String> fields) {
        return fields.entrySet().stream().filter(e -> !e.getKey().equals("duplicateOf"))
                .map(e -> quoted(e.getKey()) + ":" + e.getValue())
                .collect(Collectors.joining(",", "{", "}"));
    }

    private static Map<String, String> raw(String... keyValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put(keyValues[i], keyValues[i + 1]);
        }
        return map;
    }

    /** A JSON string of the text, every character outside printable ASCII escaped, so lone surrogates survive. */
    private static String text(String value) {
        StringBuilder json = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            if (c == '"' || c == '\\') {
                json.append('\\').append(c);
            } else if (c < 0x20 || c > 0x7E) {
                json.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else {
                json.append(c);
            }
        }
        return json.append('"').toString();
    }

    private static List<String> texts(String... values) {
        return java.util.Arrays.stream(values).map(EveryFieldHostileInputTest::text).toList();
    }

    private static String quoted(String name) {
        return "\"" + name + "\"";
    }

    /** Percent-encoded UTF-8; a lone surrogate as the three bytes CESU-8 would give it, which are no UTF-8. */
    private static String encode(String value) {
        StringBuilder encoded = new StringBuilder();
        for (int i = 0; i < value.length(); ) {
            int codePoint = value.codePointAt(i);
            i += Character.charCount(codePoint);
            if ((codePoint >= 'a' && codePoint <= 'z') || (codePoint >= 'A' && codePoint <= 'Z')
                    || (codePoint >= '0' && codePoint <= '9') || "-._~".indexOf(codePoint) >= 0) {
                encoded.append((char) codePoint);
                continue;
            }
            byte[] bytes = codePoint >= 0xD800 && codePoint <= 0xDFFF
                    ? new byte[]{(byte) (0xE0 | (codePoint >> 12)), (byte) (0x80 | ((codePoint >> 6) & 0x3F)),
                            (byte) (0x80 | (codePoint & 0x3F))}
                    : new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8);
            for (byte b : bytes) {
                encoded.append('%').append(String.format(Locale.ROOT, "%02X", b & 0xFF));
            }
        }
        return encoded.toString();
    }

    // --- afterwards ---

    private void countEventsStored(long firstPosition) {
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT convert_from(metadata, 'UTF8')::jsonb "
                + "->> 'correlationId' AS correlation, count(*) AS events FROM domainevententry WHERE globalindex > ? "
                + "AND convert_from(metadata, 'UTF8') LIKE ? GROUP BY 1", firstPosition, "%hostile-" + run + "-%");
        for (Map<String, Object> row : rows) {
            String endpoint = endpointOfCorrelation.get((String) row.get("correlation"));
            long events = ((Number) row.get("events")).longValue();
            tallies.get(endpoint).eventsStored += events;
            failures.add(endpoint + ": " + events + " events stored under " + row.get("correlation"));
        }
    }

    private void assertEveryProcessingGroupCaughtUp() {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode progress = api.as(Identity.operator()).get("/api/admin/read-models/rebuild").body();
            assertThat(progress.path("groups").size()).isPositive();
            for (JsonNode group : progress.path("groups")) {
                assertThat(group.path("caughtUp").asBoolean()).as(group.toString()).isTrue();
                assertThat(group.path("error").asBoolean()).as(group.toString()).isFalse();
            }
        });
    }

    private List<String> figures(double seconds, long eventsBefore, long eventsAfter) {
        List<String> lines = new ArrayList<>();
        lines.add("| endpoint | inputs | answered 4xx | lines REJECTED in a 200 | answered 5xx | not refused as they "
                + "should be | events stored |");
        lines.add("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        Tally total = new Tally();
        tallies.forEach((name, t) -> {
            lines.add(String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %d | %d |", name, t.inputs, t.refused,
                    t.linesRejected, t.failed5xx, t.otherwise, t.eventsStored));
            total.inputs += t.inputs;
            total.refused += t.refused;
            total.linesRejected += t.linesRejected;
            total.failed5xx += t.failed5xx;
            total.otherwise += t.otherwise;
            total.eventsStored += t.eventsStored;
        });
        lines.add(String.format(Locale.ROOT, "| **total, %d endpoints** | %d | %d | %d | %d | %d | %d |",
                tallies.size(), total.inputs, total.refused, total.linesRejected, total.failed5xx, total.otherwise,
                total.eventsStored));
        lines.add("");
        lines.add(String.format(Locale.ROOT, "HOSTILE TOTAL: %d inputs on %d endpoints in %.1f s: %d answered 4xx, "
                        + "%d lines REJECTED in a 200, %d answered 5xx, %d not refused as they should be, %d events stored by "
                        + "refused inputs (event store: %d before, %d after)", total.inputs,
                tallies.size(), seconds, total.refused, total.linesRejected, total.failed5xx, total.otherwise,
                total.eventsStored, eventsBefore, eventsAfter));
        return lines;
    }

    /** Whether the detail holds 41 or more characters of the input as sent (a JSON text without its quotes). */
    private static boolean quotesMoreThanFortyCharacters(String detail, String input) {
        String core = input.length() > 1 && input.startsWith("\"") && input.endsWith("\"")
                ? input.substring(1, input.length() - 1) : input;
        for (int i = 0; i + 41 <= core.length(); i += 41) {
            if (detail.contains(core.substring(i, i + 41))) {
                return true;
            }
        }
        return false;
    }

    private static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            return JSON.createObjectNode().put("detail", "(not JSON) " + abbreviated(text));
        }
    }

    private static String escaped(String text) {
        return IntStream.range(0, text.length()).mapToObj(i -> {
            char c = text.charAt(i);
            return c < 0x20 || c > 0x7E ? String.format(Locale.ROOT, "\\u%04x", (int) c) : String.valueOf(c);
        }).collect(Collectors.joining());
    }

    private static String abbreviated(String text) {
        return text == null || text.length() < 160 ? text : text.substring(0, 160) + "…";
    }
}
