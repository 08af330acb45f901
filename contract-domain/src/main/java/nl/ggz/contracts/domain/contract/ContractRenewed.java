package nl.ggz.contracts.domain.contract;

import nl.ggz.contracts.domain.shared.ContractTerm;
import nl.ggz.contracts.domain.shared.Money;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * The next term was offered from this contract, as contract {@code renewalContractId} (whose {@link ContractOffered}
 * names this one in {@code renewalOf}). Seed 001: next year's offer is "gebaseerd op het zorgkostenplafond van [dit
 * jaar], inclusief eventuele verhoging".
 *
 * @param renewalTerm the new offer's term
 * @param ceiling     the new offer's ceiling per year
 * @param ceilingFrom the ceiling whose amount in force at the end of this term it carries over (raises from signed
 *                    addenda included); null when the purchaser set the amount
 */
@Revision("1")
public record ContractRenewed(String contractId,
                              String renewalContractId,
                              ContractTerm renewalTerm,
                              Money ceiling,
                              String ceilingFrom,
                              String renewedBy,
                              Instant renewedAt) {
}
