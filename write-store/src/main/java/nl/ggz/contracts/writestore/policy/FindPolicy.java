package nl.ggz.contracts.writestore.policy;

import nl.ggz.contracts.domain.shared.InsurerCode;

public record FindPolicy(InsurerCode insurer, int contractYear) {
}
