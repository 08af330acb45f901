package nl.ggz.contracts.api.web.contract;

/** A declination or withdrawal, with an optional reason. */
public record ReasonRequest(String reason) {
}
