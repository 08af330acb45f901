package nl.ggz.contracts.api;

import nl.ggz.contracts.api.Api.Identity;
import nl.ggz.contracts.api.Responses.Contract;
import nl.ggz.contracts.api.Responses.Problem;
import nl.ggz.contracts.api.Responses.TimelineEntry;
import nl.ggz.contracts.domain.shared.DomainTime;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 14, agreement by both sides (seed 000: a contract is concluded "bij overeenstemming"): the provider signs only
 * terms the insurer put forward or accepted, and the insurer answers a provider's quote within six weeks (seed 002
 * §6.3). Over HTTP, on a real PostgreSQL.
 */
class ProposalAcceptanceTest extends ApplicationTest {

    @Test
    void providerCannotSignItsOwnProposalUntilThePurchaserAcceptsIt_seed000() {
        String insurer = newInsurer();
        String provider = newProvider();
        String contractId = negotiatedOffer(insurer, provider);
        Instant before = now();

        Api.Response proposed = api.as(Identity.provider(provider)).post("/api/contracts/" + contractId
                + "/proposals", Map.of("ceilingCents", 6_000_000, "tariffPercentage", "96.00"));
        assertThat(proposed.status()).as(proposed.raw()).isEqualTo(200);
        Contract awaiting = proposed.as(Contract.class);
        assertThat(awaiting.lastProposedBy()).isEqualTo("PROVIDER");
        assertThat(awaiting.awaitingAcceptance()).isTrue();
        assertThat(awaiting.proposalAccepted()).isFalse();
        // seed 002 §6.3: "binnen zes weken" — the default policy's quoteResponseDays, 42
        assertThat(awaiting.proposalAnswerDueAt()).isBetween(
                before.atZone(DomainTime.AMSTERDAM).plusDays(42).toInstant().minusSeconds(1),
                now().atZone(DomainTime.AMSTERDAM).plusDays(42).toInstant().plusSeconds(1));

        Api.Response signing = api.post("/api/contracts/" + contractId + "/signature", Map.of("signedBy", "dr. Bos"));
        assertThat(signing.status()).as(signing.raw()).isEqualTo(409);
        assertThat(signing.contentType()).startsWith("application/problem+json");
        assertThat(signing.as(Problem.class).detail()).contains("provider's own", "accepts it");
        assertThat(readContract(contractId).status()).isEqualTo("OFFERED");

        Api.Response accepted = api.post("/api/contracts/" + contractId + "/acceptance",
                Map.of("acceptedBy", "mw. De Wit, zorginkoper"));
        assertThat(accepted.status()).as(accepted.raw()).isEqualTo(200);
        Contract agreed = accepted.as(Contract.class);
        assertThat(agreed.proposalAccepted()).isTrue();
        assertThat(agreed.awaitingAcceptance()).isFalse();
        assertThat(agreed.acceptedBy()).isEqualTo("mw. De Wit, zorginkoper");
        assertThat(agreed.acceptedAt()).isNotNull();

        Api.Response signed = api.post("/api/contracts/" + contractId + "/signature", Map.of("signedBy", "dr. Bos"));
        assertThat(signed.status()).as(signed.raw()).isEqualTo(200);
        Contract contract = signed.as(Contract.class);
        assertThat(contract.status()).isEqualTo("SIGNED");
        assertThat(contract.ceilings().get(0).ceilingCents()).isEqualTo(6_000_000);
        assertThat(contract.tariffPercentage()).isEqualByComparingTo("96.00");
        await().untilAsserted(() -> assertThat(api.get("/api/contracts/" + contractId + "/timeline")
                .asList(TimelineEntry.class)).extracting(TimelineEntry::type).containsSubsequence(
                "ContractOffered", "ContractProposalRevised", "ContractProposalAccepted", "ContractSigned"));
    }

    @Test
    void purchaserProposingAgainLetsTheProviderSignTheInsurersTerms_seed000() {
        String insurer = newInsurer();
        String provider = newProvider();
        String contractId = negotiatedOffer(insurer, provider);
        api.as(Identity.provider(provider)).post("/api/contracts/" + contractId + "/proposals",
                Map.of("ceilingCents", 7_000_000));

        Api.Response counter = api.post("/api/contracts/" + contractId + "/proposals", Map.of("ceilingCents", 5_500_000));
        assertThat(counter.status()).as(counter.raw()).isEqualTo(200);
        Contract insurersTerms = counter.as(Contract.class);
        assertThat(insurersTerms.lastProposedBy()).isEqualTo("PURCHASER");
        assertThat(insurersTerms.awaitingAcceptance()).isFalse();
        assertThat(insurersTerms.proposalAnswerDueAt()).isNull();

        Api.Response signed = api.post("/api/contracts/" + contractId + "/signature", Map.of());
        assertThat(signed.status()).as(signed.raw()).isEqualTo(200);
        assertThat(signed.as(Contract.class).ceilings().get(0).ceilingCents()).isEqualTo(5_500_000);
    }

    @Test
    void onlyAProvidersProposalCanBeAcceptedAndOnlyOnce_seed000() {
        String insurer = newInsurer();
        String provider = newProvider();
        String contractId = negotiatedOffer(insurer, provider);

        // the offer as made is the insurer's own: nothing to accept
        Api.Response nothing = api.post("/api/contracts/" + contractId + "/acceptance", Map.of());
        assertThat(nothing.status()).as(nothing.raw()).isEqualTo(409);
        assertThat(nothing.as(Problem.class).detail()).contains("no proposal of the provider to accept");

        api.as(Identity.provider(provider)).post("/api/contracts/" + contractId + "/proposals",
                Map.of("ceilingCents", 6_500_000));
        // the provider cannot accept its own proposal: acceptance is the purchaser's act
        assertThat(api.as(Identity.provider(provider)).post("/api/contracts/" + contractId + "/acceptance", Map.of())
                .status()).isEqualTo(403);
        // a purchaser of another insurer does not even see the contract
        assertThat(api.as(Identity.purchaser(newInsurer())).post("/api/contracts/" + contractId + "/acceptance",
                Map.of()).status()).isEqualTo(404);

        // without a name, the purchaser's own (from its token) is recorded
        Api.Response accepted = api.post("/api/contracts/" + contractId + "/acceptance", null);
        assertThat(accepted.status()).as(accepted.raw()).isEqualTo(200);
        assertThat(accepted.as(Contract.class).acceptedBy()).isEqualTo("inkoper-" + insurer);
        Api.Response again = api.post("/api/contracts/" + contractId + "/acceptance", Map.of());
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.as(Problem.class).detail()).contains("accepted already");
    }

    @Test
    void anAcceptedProposalProposedOverByTheProviderNeedsAcceptingAgain_seed000() {
        String insurer = newInsurer();
        String provider = newProvider();
        String contractId = negotiatedOffer(insurer, provider);
        Api asProvider = api.as(Identity.provider(provider));
        asProvider.post("/api/contracts/" + contractId + "/proposals", Map.of("ceilingCents", 6_000_000));
        api.post("/api/contracts/" + contractId + "/acceptance", Map.of());

        Contract revised = asProvider.post("/api/contracts/" + contractId + "/proposals",
                Map.of("ceilingCents", 9_000_000)).as(Contract.class);
        assertThat(revised.proposalAccepted()).isFalse();
        assertThat(revised.awaitingAcceptance()).isTrue();
        assertThat(api.post("/api/contracts/" + contractId + "/signature", Map.of()).status()).isEqualTo(409);
    }

    private String negotiatedOffer(String insurer, String provider) {
        Map<String, Object> body = offerBody(insurer, "NEGOTIATED", 5_000_000);
        body.put("providerAgb", provider);
        body.put("offerExpiresAt", now().plus(Duration.ofDays(60)).toString());
        Api.Response offered = api.post("/api/contracts", body);
        assertThat(offered.status()).as(offered.raw()).isEqualTo(201);
        return offered.text("contractId");
    }
}
