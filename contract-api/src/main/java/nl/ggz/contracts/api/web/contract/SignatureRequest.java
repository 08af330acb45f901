package nl.ggz.contracts.api.web.contract;

/** @param signedBy the person signing for the provider; the caller's name when left out */
public record SignatureRequest(String signedBy) {
}
