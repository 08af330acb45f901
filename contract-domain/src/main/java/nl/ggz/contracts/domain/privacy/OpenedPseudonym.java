package nl.ggz.contracts.domain.privacy;

/** A sealed pseudonym as read back: the pseudonym, or ERASED when its key was destroyed. */
public record OpenedPseudonym(String patientRef) {

    public static final OpenedPseudonym ERASED = new OpenedPseudonym(null);

    /** How a reader shows an erased pseudonym. */
    public static final String ERASED_TEXT = "ERASED";

    public boolean erased() {
        return patientRef == null;
    }

    /** The pseudonym, or {@value #ERASED_TEXT}. */
    public String shown() {
        return erased() ? ERASED_TEXT : patientRef;
    }
}
