package nl.ggz.contracts.domain.contract;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * The insurer did not answer the provider's proposal (quote) of {@code round} within the policy's period (seed 002
 * §6.3: "Zorgverzekeraar reageert binnen zes weken op de offerte"): neither accepted it nor proposed again.
 */
@Revision("1")
public record ContractProposalAnswerOverdue(String contractId, int round, Instant answerDueAt) {
}
