package nl.ggz.contracts.api.web.privacy;

import nl.ggz.contracts.domain.privacy.PatientDataErased;

import java.util.List;

/**
 * What an erasure affected, without the pseudonym: the declarations that now read as erased, per ceiling, and whether
 * a key was destroyed now ({@code false}: it was erased before). Totals, ceilings and supplement counts are unchanged.
 */
public record ErasureResponse(String erasureId, String insurerUzovi, boolean keyDestroyed, int declarations,
                              List<ErasedOnCeiling> ceilings) {

    public record ErasedOnCeiling(String ceilingId, int declarations) {
    }

    static ErasureResponse of(PatientDataErased erased) {
        return new ErasureResponse(erased.erasureId(), erased.insurer().value(), erased.keyDestroyed(),
                erased.declarations(), erased.declarationsPerCeiling().entrySet().stream()
                .map(e -> new ErasedOnCeiling(e.getKey(), e.getValue())).toList());
    }
}
