package nl.ggz.contracts.projections.claimsfeed;

/** What a line of the claims feed tells the claims system. */
public enum ClaimsFeedEntryType {
    /** A declaration was accepted: its payable part and its part held above the ceiling. */
    DECLARATION_ACCEPTED,
    /** Of a held declaration, this much became payable (a raise, or room freed by a credit or claw-back). */
    HELD_RELEASED,
    /** A credit or claw-back took this much off a declaration's payable and held parts. */
    DECLARATION_REDUCED,
    /** The contract year was settled: the ceiling's final figures. */
    CEILING_SETTLED
}
