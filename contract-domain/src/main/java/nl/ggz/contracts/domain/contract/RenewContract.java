package nl.ggz.contracts.domain.contract;

import nl.ggz.contracts.domain.shared.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * The purchaser offers the next term of a signed contract to the same provider (seed 001: providers with a contract
 * this year "komen in principe automatisch in aanmerking" for next year's, on this year's ceiling "inclusief eventuele
 * verhoging").
 *
 * @param contractId        the contract renewed (its term has ended or is about to)
 * @param renewalContractId the id of the new offer: {@link #renewalIdOf} the contract
 * @param ceiling           the new offer's ceiling per year: the ceiling in force at the end of this term, or the
 *                          purchaser's own amount
 * @param ceilingFrom       the ceiling (id) whose amount in force {@code ceiling} is; null when the purchaser set it
 * @param offerExpiresAt    when the new offer lapses unsigned; null means the new year's policy's offer validity
 */
public record RenewContract(@TargetAggregateIdentifier String contractId,
                            String renewalContractId,
                            Money ceiling,
                            String ceilingFrom,
                            Instant offerExpiresAt,
                            String renewedBy,
                            Instant renewedAt) {

    /**
     * A contract is renewed once, so the new offer's id follows from the old one: two renewals of the same contract at
     * the same moment meet on the new contract's first event (one wins, the other is then told it was renewed), and the
     * demo's renewals keep their ids from one first start to the next.
     */
    public static String renewalIdOf(String contractId) {
        return UUID.nameUUIDFromBytes(("renewal of " + contractId).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
