package nl.ggz.contracts.projections.declaration;

/**
 * The filter {@code status} of a ceiling's declaration list. A line can be in more than one (partly payable and partly
 * held, credited and still payable): each selects the lines that have such an amount.
 */
public enum DeclarationLineStatus {
    /** something of it is payable */
    PAYABLE("payable_cents > 0"),
    /** something of it is held unpaid above the ceiling */
    HELD("held_cents > 0"),
    /** it was credited (in part or in full) */
    CREDITED("credited_cents > 0"),
    /** it was clawed back (in part or in full) */
    CLAWED_BACK("clawed_back_cents > 0");

    final String condition;

    DeclarationLineStatus(String condition) {
        this.condition = condition;
    }
}
