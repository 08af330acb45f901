package nl.ggz.contracts.domain.renewal;

import nl.ggz.contracts.domain.shared.InsurerCode;

import java.util.List;

/** The yearly renewal of an insurer's contracts ending in {@code year}: one outcome per contract. */
public record YearlyRenewalResult(InsurerCode insurer, int year, List<RenewalOutcome> results) {

    public YearlyRenewalResult {
        results = List.copyOf(results);
    }

    public long offered() {
        return results.stream().filter(r -> r.status() == RenewalOutcome.Status.OFFERED).count();
    }

    public long skipped() {
        return results.stream().filter(r -> r.status() == RenewalOutcome.Status.SKIPPED).count();
    }
}
