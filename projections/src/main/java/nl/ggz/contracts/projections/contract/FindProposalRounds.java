package nl.ggz.contracts.projections.contract;

/** A contract's proposal rounds, the offer (round 0) first. */
public record FindProposalRounds(String contractId) {
}
