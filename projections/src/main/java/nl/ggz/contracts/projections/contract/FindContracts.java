package nl.ggz.contracts.projections.contract;

/** Contracts by insurer, contract year, status and provider; a null filter matches all. */
public record FindContracts(String insurer, Integer year, String status, String provider, int limit) {
}
