package nl.ggz.contracts.projections.contract;

import java.util.List;

/**
 * An insurer's contracts whose term ends in {@code year}, in one of {@code statuses}, of the provider type and kind
 * when given (null: any).
 */
public record FindContractsEndingIn(String insurer, int year, List<String> statuses, String providerType,
                                    String kind) {

    public FindContractsEndingIn {
        statuses = List.copyOf(statuses);
    }
}
