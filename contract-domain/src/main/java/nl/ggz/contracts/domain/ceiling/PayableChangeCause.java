package nl.ggz.contracts.domain.ceiling;

/**
 * Why the payable part of declarations changed after they were accepted: a signed addendum raised the ceiling (seed
 * 001: held declarations become payable), a credit corrected a declaration, or a claw-back reclaimed it (seed 000 ⓴).
 */
public enum PayableChangeCause {
    ADDENDUM_SIGNED, CREDIT, CLAW_BACK
}
