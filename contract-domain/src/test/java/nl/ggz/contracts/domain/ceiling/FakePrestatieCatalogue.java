package nl.ggz.contracts.domain.ceiling;

/** Reference data for the tests: only {@link #SUPPLEMENT} is the psychodiagnostics supplement (seed 002 §5.2). */
public class FakePrestatieCatalogue implements PrestatieCatalogue {

    public static final String SUPPLEMENT = "PD-TOESLAG";

    @Override
    public boolean isPsychodiagnosticsSupplement(String prestatieCode) {
        return SUPPLEMENT.equals(prestatieCode);
    }
}
