package nl.ggz.contracts.projections.contract;

/** Contracts by insurer, contract year, status and provider; a null filter matches all. */
public record FindContracts(String insurerUzovi, Integer year, String status, String providerAgb, int limit) {
}
