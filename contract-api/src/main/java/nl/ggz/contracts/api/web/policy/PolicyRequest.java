package nl.ggz.contracts.api.web.policy;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import nl.ggz.contracts.domain.policy.PolicyParameters;
import nl.ggz.contracts.domain.shared.ProviderType;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** A published policy; a field left out keeps the default for that contract year (DESIGN.md §5). */
public record PolicyRequest(@Size(min = 1, max = 20) List<@NotNull Integer> thresholdPercents,
                            Integer increaseCapPercent,
                            OffsetDateTime increaseWindowStart,
                            OffsetDateTime increaseWindowEnd,
                            Integer decisionPeriodDays,
                            Integer offerValidityDays,
                            Map<ProviderType, Integer> termYears) {

    PolicyParameters toParameters(int year) {
        PolicyParameters d = PolicyParameters.defaults(year);
        return new PolicyParameters(
                thresholdPercents != null ? thresholdPercents : d.thresholdPercents(),
                increaseCapPercent != null ? increaseCapPercent : d.increaseCapPercent(),
                increaseWindowStart != null ? increaseWindowStart.toInstant() : d.increaseWindowStart(),
                increaseWindowEnd != null ? increaseWindowEnd.toInstant() : d.increaseWindowEnd(),
                decisionPeriodDays != null ? decisionPeriodDays : d.decisionPeriodDays(),
                offerValidityDays != null ? offerValidityDays : d.offerValidityDays(),
                termYears != null ? termYears : d.termYears());
    }
}
