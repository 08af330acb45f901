package nl.ggz.contracts.api.security.dev;

/** Who the trial user wants to be: a role and, for the confined roles, its insurer or provider. */
public record DevTokenRequest(String role, String insurerUzovi, String providerAgb, String name) {
}
