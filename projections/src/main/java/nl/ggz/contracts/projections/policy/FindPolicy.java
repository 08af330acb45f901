package nl.ggz.contracts.projections.policy;

import nl.ggz.contracts.domain.shared.InsurerCode;

public record FindPolicy(InsurerCode insurer, int contractYear) {
}
