package nl.ggz.contracts.api.security;

/**
 * The kinds of callers (DESIGN.md §2) and the operator who runs the installation. A token carries exactly one.
 */
public enum Role {
    /** Insurer staff (zorginkoper): acts and reads within its own insurer. */
    PURCHASER,
    /** A care provider: acts and reads on the contracts of its own AGB code. */
    PROVIDER,
    /** An insurer's claims system: posts declarations for that insurer's contracts and reads their ceilings. */
    CLAIMS,
    /** The NZa: reads everything, including the audit history and the reports, and changes nothing. */
    REGULATOR,
    /** Runs the installation: dead letters and read-model rebuilds; sees no contract data. May erase a pseudonym. */
    OPERATOR,
    /**
     * An insurer's privacy officer (functionaris gegevensbescherming): erases a patient pseudonym of its own insurer
     * (issue 16, AVG/GDPR art. 17); sees no contract data.
     */
    PRIVACY_OFFICER;

    /** The Spring Security authority for the role. */
    public String authority() {
        return "ROLE_" + name();
    }
}
