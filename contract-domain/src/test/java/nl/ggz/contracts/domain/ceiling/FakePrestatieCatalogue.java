package nl.ggz.contracts.domain.ceiling;

import nl.ggz.contracts.domain.shared.PrestatieCode;

/** Reference data for the tests: only {@link #SUPPLEMENT} is the psychodiagnostics supplement (seed 002 §5.2). */
public class FakePrestatieCatalogue implements PrestatieCatalogue {

    public static final PrestatieCode SUPPLEMENT = new PrestatieCode("TOESLAGPD");

    @Override
    public boolean isPsychodiagnosticsSupplement(PrestatieCode prestatieCode) {
        return SUPPLEMENT.equals(prestatieCode);
    }
}
