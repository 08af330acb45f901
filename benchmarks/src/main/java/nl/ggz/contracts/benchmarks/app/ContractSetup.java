package nl.ggz.contracts.benchmarks.app;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Offers and signs one-year DIGITAL contracts through the API, the way a purchaser and a provider would. */
public final class ContractSetup {

    private ContractSetup() {
    }

    /**
     * Offered by a purchaser of {@code insurer}, signed by the provider with {@code providerAgb}, each with its own
     * token. Returns the contract id; its ceiling for {@code year} is {@code contractId-year} and open at once.
     */
    public static String signedContract(AppClient app, TokenIssuer issuer, String insurer, String providerAgb,
                                        long ceilingCents, int year, List<Integer> settings) {
        Map<String, Object> offer = new LinkedHashMap<>();
        offer.put("insurerUzovi", insurer);
        offer.put("providerAgb", providerAgb);
        offer.put("providerType", "INSTITUTION");
        offer.put("kind", "DIGITAL");
        offer.put("termStart", year + "-01-01");
        offer.put("termEnd", year + "-12-31");
        offer.put("settings", settings);
        offer.put("tariffPercentage", "92.50");
        offer.put("ceilingCents", ceilingCents);
        AppClient.Reply offered = app.as(issuer.purchaser(insurer)).post("/api/contracts", offer);
        if (offered.status() != 201) {
            throw new IllegalStateException("offer refused: " + offered.abbreviated());
        }
        String contractId = offered.json().path("contractId").asText();
        AppClient.Reply signed = app.as(issuer.provider(providerAgb)).post("/api/contracts/" + contractId + "/signature",
                Map.of("signedBy", "bestuurder " + providerAgb));
        if (signed.status() != 200) {
            throw new IllegalStateException("signature refused: " + signed.abbreviated());
        }
        return contractId;
    }

    public static String ceilingOf(String contractId, int year) {
        return contractId + "-" + year;
    }
}
