package nl.ggz.contracts.api;

import com.fasterxml.jackson.databind.JsonNode;
import nl.ggz.contracts.api.Api.Identity;
import nl.ggz.contracts.api.Responses.Contract;
import nl.ggz.contracts.api.Responses.Problem;
import nl.ggz.contracts.api.Responses.TimelineEntry;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 14, renewal: next year's offer made from this year's contract, "gebaseerd op het zorgkostenplafond van [dit
 * jaar], inclusief eventuele verhoging" (seed 001) — one contract ({@code POST /api/contracts/{id}/renewal}) or the
 * insurer's yearly round ({@code POST /api/policies/{insurer}/{year}/renewals}). Over HTTP, on a real PostgreSQL.
 */
class RenewalTest extends ApplicationTest {

    private static final int NEXT = YEAR + 1;

    @Test
    void renewalOffersTheNextYearWithTheCeilingRaisedBySignedAddenda_seed001() {
        String insurer = newInsurer();
        openIncreaseWindow(insurer);
        String contractId = signedContract(insurer, newProvider(), 1_000_000);
        String ceiling = ceilingOf(contractId);
        // seed 001: the increase is final once the provider signs the addendum
        raise(ceiling, 250_000);
        assertThat(readCeiling(ceiling).ceilingCents()).isEqualTo(1_250_000);

        Api.Response renewed = api.post("/api/contracts/" + contractId + "/renewal", Map.of());

        assertThat(renewed.status()).as(renewed.raw()).isEqualTo(201);
        String renewalId = renewed.text("contractId");
        assertThat(renewed.body().path("renewalOf").asText()).isEqualTo(contractId);
        assertThat(renewed.body().path("ceilingCents").asLong()).isEqualTo(1_250_000);
        assertThat(renewed.body().path("ceilingId").asText()).isEqualTo(ceiling);
        assertThat(renewed.body().path("termStart").asText()).isEqualTo(NEXT + "-01-01");
        Contract offer = readContract(renewalId);
        Contract old = readContract(contractId);
        assertThat(offer.status()).isEqualTo("OFFERED");
        assertThat(offer.ceilingCents()).as("the ceiling in force, raise included").isEqualTo(1_250_000);
        assertThat(offer.termStart()).isEqualTo(LocalDate.of(NEXT, 1, 1));
        assertThat(offer.termEnd()).isEqualTo(LocalDate.of(NEXT, 12, 31));
        assertThat(offer.providerAgb()).isEqualTo(old.providerAgb());
        assertThat(offer.providerType()).isEqualTo(old.providerType());
        assertThat(offer.kind()).isEqualTo(old.kind());
        assertThat(offer.settings()).isEqualTo(old.settings());
        assertThat(offer.tariffPercentages()).isEqualTo(old.tariffPercentages());
        assertThat(offer.renewalOf()).isEqualTo(contractId);
        assertThat(old.renewedAs()).isEqualTo(renewalId);
        assertThat(old.status()).as("the renewed contract runs on").isEqualTo("SIGNED");

        await().untilAsserted(() -> {
            assertThat(api.get("/api/contracts/" + contractId + "/timeline").asList(TimelineEntry.class))
                    .extracting(TimelineEntry::type).containsSubsequence("ContractSigned", "AddendumSigned",
                            "ContractRenewed");
            assertThat(api.get("/api/contracts/" + renewalId + "/timeline").asList(TimelineEntry.class))
                    .anySatisfy(line -> assertThat(line.description()).contains("renewal of contract " + contractId));
        });
        // the provider signs the renewal: next year's ceiling opens at the raised amount
        Api.Response signed = api.post("/api/contracts/" + renewalId + "/signature", Map.of("signedBy", "dr. Bos"));
        assertThat(signed.status()).as(signed.raw()).isEqualTo(200);
        assertThat(readCeiling(renewalId + "-" + NEXT).initialCeilingCents()).isEqualTo(1_250_000);
    }

    @Test
    void aCeilingInTheBodyReplacesTheCeilingInForce() {
        String insurer = newInsurer();
        String contractId = signedContract(insurer, newProvider(), 1_000_000);

        Instant expires = now().plus(Duration.ofDays(30)).truncatedTo(ChronoUnit.SECONDS);
        Api.Response renewed = api.post("/api/contracts/" + contractId + "/renewal",
                Map.of("ceilingCents", 900_000, "offerExpiresAt", expires.toString()));

        assertThat(renewed.status()).as(renewed.raw()).isEqualTo(201);
        assertThat(renewed.body().path("ceilingCents").asLong()).isEqualTo(900_000);
        assertThat(renewed.body().path("ceilingId").isNull()).as(renewed.raw()).isTrue();
        Contract offer = readContract(renewed.text("contractId"));
        assertThat(offer.ceilingCents()).isEqualTo(900_000);
        assertThat(offer.offerExpiresAt()).isEqualTo(expires);
    }

    @Test
    void renewalIsAConflictWhenTheProviderHasAContractForTheNextYearAlreadyNamingIt() {
        // one contract per insurer, provider and year (seed 000)
        String insurer = newInsurer();
        String provider = newProvider();
        String contractId = signedContract(insurer, provider, 1_000_000);
        String nextYears = offerNextYear(insurer, provider);

        Api.Response renewed = api.post("/api/contracts/" + contractId + "/renewal", Map.of());

        assertThat(renewed.status()).as(renewed.raw()).isEqualTo(409);
        assertThat(renewed.contentType()).startsWith("application/problem+json");
        assertThat(renewed.as(Problem.class).detail()).contains(nextYears);
        assertThat(readContract(contractId).renewedAs()).isNull();
    }

    @Test
    void aContractIsRenewedOnceTheSecondRenewalIsAConflictNamingTheFirst() {
        String contractId = signedContract(newInsurer(), newProvider(), 1_000_000);
        String renewalId = api.post("/api/contracts/" + contractId + "/renewal", Map.of()).text("contractId");
        long events = eventCount();

        Api.Response again = api.post("/api/contracts/" + contractId + "/renewal", Map.of("ceilingCents", 1));

        assertThat(again.status()).as(again.raw()).isEqualTo(409);
        assertThat(again.as(Problem.class).detail()).contains("renewed already", renewalId);
        assertThat(eventCount()).as("nothing stored").isEqualTo(events);
    }

    @Test
    void onlyASignedContractIsRenewedAnOfferOrATerminatedContractIsAConflict() {
        String insurer = newInsurer();
        String offered = offer(insurer, 1_000_000);
        String terminated = signedContract(insurer, newProvider(), 1_000_000);
        assertThat(api.post("/api/contracts/" + terminated + "/termination", Map.of("reason", "fraude",
                "effectiveDate", YEAR + "-12-01")).status()).isEqualTo(200);

        for (String contractId : List.of(offered, terminated)) {
            Api.Response renewed = api.post("/api/contracts/" + contractId + "/renewal", Map.of());
            assertThat(renewed.status()).as(renewed.raw()).isEqualTo(409);
            assertThat(renewed.as(Problem.class).detail()).contains("only a signed contract");
        }
    }

    @Test
    void aPurchaserOfAnotherInsurerIsAnsweredAsForAnUnknownContract() {
        String contractId = signedContract(newInsurer(), newProvider(), 1_000_000);
        Api other = api.as(Identity.purchaser(newInsurer()));

        Api.Response theirs = other.post("/api/contracts/" + contractId + "/renewal", Map.of());
        Api.Response unknown = other.post("/api/contracts/no-such-contract/renewal", Map.of());

        assertThat(theirs.status()).isEqualTo(404);
        assertThat(theirs.as(Problem.class).detail()).isEqualTo("no contract with id " + contractId);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.as(Problem.class).detail()).isEqualTo("no contract with id no-such-contract");
        assertThat(readContract(contractId).renewedAs()).isNull();
        // the provider does not renew its own contract: a purchaser's act
        String provider = readContract(contractId).providerAgb();
        assertThat(api.as(Identity.provider(provider)).post("/api/contracts/" + contractId + "/renewal", Map.of())
                .status()).isEqualTo(403);
    }

    @Test
    void theYearlyRenewalOffersEverySignedContractEndingInTheYearAndAnswersPerContract() {
        String insurer = newInsurer();
        Api purchaser = api.as(Identity.purchaser(insurer));
        String institution = signedContract(insurer, newProvider(), 1_000_000);
        String heldProvider = newProvider();
        String held = signedContract(insurer, heldProvider, 2_000_000);
        String nextYears = offerNextYear(insurer, heldProvider);
        String ward = signedWard(insurer, 3_000_000);
        // neither is renewed: an offer never signed, and another insurer's contract
        offer(insurer, 5_000);
        signedContract(newInsurer(), newProvider(), 5_000);

        // the wards first (filter by provider type)
        Api.Response wards = purchaser.post("/api/policies/" + insurer + "/" + YEAR + "/renewals",
                Map.of("providerType", "HOSPITAL_WARD"));
        assertThat(wards.status()).as(wards.raw()).isEqualTo(200);
        assertThat(wards.body().path("offered").asInt()).isEqualTo(1);
        assertThat(results(wards)).containsOnlyKeys(ward);

        Instant expires = now().plus(Duration.ofDays(20)).truncatedTo(ChronoUnit.SECONDS);
        Api.Response all = purchaser.post("/api/policies/" + insurer + "/" + YEAR + "/renewals",
                Map.of("offerExpiresAt", expires.toString()));
        assertThat(all.status()).as(all.raw()).isEqualTo(200);
        assertThat(all.body().path("insurerUzovi").asText()).isEqualTo(insurer);
        assertThat(all.body().path("year").asInt()).isEqualTo(YEAR);
        assertThat(all.body().path("offered").asInt()).isEqualTo(1);
        assertThat(all.body().path("skipped").asInt()).isEqualTo(2);
        Map<String, JsonNode> results = results(all);
        assertThat(results).containsOnlyKeys(institution, held, ward);
        JsonNode offered = results.get(institution);
        assertThat(offered.path("outcome").asText()).isEqualTo("OFFERED");
        assertThat(offered.path("ceilingCents").asLong()).isEqualTo(1_000_000);
        assertThat(offered.has("reason")).isFalse();
        Contract offer = readContract(offered.path("renewalContractId").asText());
        assertThat(offer.renewalOf()).isEqualTo(institution);
        assertThat(offer.termStart()).isEqualTo(LocalDate.of(NEXT, 1, 1));
        assertThat(offer.offerExpiresAt()).isEqualTo(expires);
        JsonNode skipped = results.get(held);
        assertThat(skipped.path("outcome").asText()).isEqualTo("SKIPPED");
        assertThat(skipped.path("providerAgb").asText()).isEqualTo(heldProvider);
        assertThat(skipped.path("reason").asText()).contains(nextYears);
        assertThat(skipped.has("renewalContractId")).isFalse();
        assertThat(results.get(ward).path("reason").asText()).contains("renewed already");

        // run again, without a body: nothing is offered twice
        long events = eventCount();
        Api.Response again = purchaser.postRaw("/api/policies/" + insurer + "/" + YEAR + "/renewals", "");
        assertThat(again.status()).as(again.raw()).isEqualTo(200);
        assertThat(again.body().path("offered").asInt()).isZero();
        assertThat(again.body().path("skipped").asInt()).isEqualTo(3);
        assertThat(results(again).values()).allSatisfy(result ->
                assertThat(result.path("outcome").asText()).isEqualTo("SKIPPED"));
        assertThat(eventCount()).isEqualTo(events);
    }

    @Test
    void theYearlyRenewalFiltersByKind() {
        String insurer = newInsurer();
        signedContract(insurer, newProvider(), 1_000_000);

        Api.Response negotiated = api.as(Identity.purchaser(insurer)).post("/api/policies/" + insurer + "/" + YEAR
                + "/renewals", Map.of("kind", "NEGOTIATED"));

        assertThat(negotiated.status()).as(negotiated.raw()).isEqualTo(200);
        assertThat(negotiated.body().path("offered").asInt()).isZero();
        assertThat(negotiated.body().path("results")).isEmpty();
    }

    @Test
    void theYearlyRenewalIsTheInsurersOwnAndItsBodyIsStrict() {
        String insurer = newInsurer();
        signedContract(insurer, newProvider(), 1_000_000);
        long events = eventCount();

        Api.Response otherInsurer = api.as(Identity.purchaser(newInsurer())).post("/api/policies/" + insurer + "/"
                + YEAR + "/renewals", Map.of());
        Api.Response misspelt = api.as(Identity.purchaser(insurer)).post("/api/policies/" + insurer + "/" + YEAR
                + "/renewals", Map.of("providerTyp", "INSTITUTION"));
        Api.Response regulator = api.as(Identity.regulator()).post("/api/policies/" + insurer + "/" + YEAR
                + "/renewals", Map.of());

        assertThat(otherInsurer.status()).isEqualTo(403);
        assertThat(misspelt.status()).isEqualTo(400);
        assertThat(misspelt.as(Problem.class).detail()).contains("providerTyp");
        assertThat(regulator.status()).isEqualTo(403);
        assertThat(eventCount()).as("nothing stored").isEqualTo(events);
    }

    private Map<String, JsonNode> results(Api.Response response) {
        Map<String, JsonNode> byContract = new LinkedHashMap<>();
        response.body().path("results").forEach(result -> byContract.put(result.path("contractId").asText(), result));
        return byContract;
    }

    /** Provider signs an approved increase: the ceiling in force rises by {@code cents}. */
    private void raise(String ceilingId, long cents) {
        String ceiling = "/api/ceilings/" + ceilingId;
        Api.Response requested = api.post(ceiling + "/increase-requests", Map.of("amountCents", cents,
                "grounds", "wachtlijst boven de Treeknorm"));
        assertThat(requested.status()).as(requested.raw()).isEqualTo(201);
        Api.Response approved = api.post(ceiling + "/increase-requests/" + requested.text("requestId") + "/approval",
                Map.of("amountCents", cents));
        assertThat(approved.status()).as(approved.raw()).isIn(200, 201);
        Api.Response signed = api.post(ceiling + "/addenda/" + approved.text("addendumId") + "/signature",
                Map.of("signedBy", "dr. Jansen"));
        assertThat(signed.status()).as(signed.raw()).isEqualTo(200);
    }

    /** An open offer to the provider for the next year. */
    private String offerNextYear(String insurer, String provider) {
        Map<String, Object> body = offerBody(insurer, "DIGITAL", 500_000);
        body.put("providerAgb", provider);
        body.put("termStart", NEXT + "-01-01");
        body.put("termEnd", NEXT + "-12-31");
        Api.Response offered = api.post("/api/contracts", body);
        assertThat(offered.status()).as(offered.raw()).isEqualTo(201);
        return offered.text("contractId");
    }

    /** A signed one-year contract with a psychiatric ward of a hospital (PAAZ/PUK). */
    private String signedWard(String insurer, long ceilingCents) {
        Map<String, Object> body = new HashMap<>(offerBody(insurer, "DIGITAL", ceilingCents));
        body.put("providerAgb", newProvider());
        body.put("providerType", "HOSPITAL_WARD");
        body.put("settings", new ArrayList<>(List.of(3, 5)));
        Api.Response offered = api.post("/api/contracts", body);
        assertThat(offered.status()).as(offered.raw()).isEqualTo(201);
        String contractId = offered.text("contractId");
        assertThat(api.post("/api/contracts/" + contractId + "/signature", Map.of()).status()).isEqualTo(200);
        return contractId;
    }
}
