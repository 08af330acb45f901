package nl.ggz.contracts.domain.ceiling;

import nl.ggz.contracts.domain.shared.Money;
import org.axonframework.serialization.Revision;

import java.util.List;

/**
 * A signed addendum raised the ceiling above marks that were reached against the old one: against the ceiling in
 * force they are no longer reached, so they are recorded again when crossed (seed 001: report at 70 % of the ceiling —
 * the ceiling in force). {@code exhaustionCleared}: the raised ceiling is no longer exhausted.
 */
@Revision("1")
public record CeilingThresholdsCleared(String ceilingId, String addendumId, List<Integer> percents,
                                       boolean exhaustionCleared, Money counted, Money ceiling) {

    public CeilingThresholdsCleared {
        percents = List.copyOf(percents);
    }
}
