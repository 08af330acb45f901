package nl.ggz.contracts.api.web.contract;

import java.util.List;

/** A revised proposal: any of the three, the rest stays as proposed before. */
public record ProposalRequest(Long ceilingCents, String tariffPercentage, List<Integer> settings) {
}
