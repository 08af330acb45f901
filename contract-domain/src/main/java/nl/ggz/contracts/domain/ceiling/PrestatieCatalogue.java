package nl.ggz.contracts.domain.ceiling;

import nl.ggz.contracts.domain.shared.PrestatieCode;

/** Reference data about prestatie codes that the rules need; configured, not coded (DESIGN.md §5). */
public interface PrestatieCatalogue {

    /** Seed 002 §5.2: the psychodiagnostics supplement may be charged at most twice a year per insured person. */
    boolean isPsychodiagnosticsSupplement(PrestatieCode prestatieCode);
}
