package nl.ggz.contracts.writestore.policy;

import nl.ggz.contracts.domain.policy.PolicyParameters;

/** @param published false when the insurer published nothing for the year and the defaults apply */
public record PolicyView(String insurerUzovi, int year, boolean published, int version, PolicyParameters parameters) {
}
