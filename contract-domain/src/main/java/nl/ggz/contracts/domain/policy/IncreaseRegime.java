package nl.ggz.contracts.domain.policy;

/**
 * How an insurer takes requests for more room under a ceiling in a contract year.
 */
public enum IncreaseRegime {
    /**
     * Increase requests (verhogingsaanvragen) inside a window, decided within the period of the contract's kind,
     * counted from the complete request (seed 001: 1 April until 31 July 17:00; 4 weeks digital, 1 month negotiated).
     */
    WINDOW,
    /**
     * Supplementary contracting (bijcontracteren, seed 002 §6.2–6.3): the provider announces an expected overrun up to
     * and including 1 October; the insurer decides by a fixed date in the next year (31 March).
     */
    SUPPLEMENTARY_CONTRACTING
}
