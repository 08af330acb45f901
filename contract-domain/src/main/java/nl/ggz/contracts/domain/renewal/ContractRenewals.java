package nl.ggz.contracts.domain.renewal;

import nl.ggz.contracts.domain.contract.RenewContract;
import nl.ggz.contracts.domain.shared.ContractKind;
import nl.ggz.contracts.domain.shared.ContractYears;
import nl.ggz.contracts.domain.shared.InsurerCode;
import nl.ggz.contracts.domain.shared.InvalidValueException;
import nl.ggz.contracts.domain.shared.Money;
import nl.ggz.contracts.domain.shared.ProviderType;
import nl.ggz.contracts.domain.shared.RuleViolationException;
import nl.ggz.contracts.domain.shared.StateConflictException;
import nl.ggz.contracts.domain.shared.UnknownReferenceException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Renewal of contracts into offers of their next term (seed 001: next year's offer "gebaseerd op het
 * zorgkostenplafond van [dit jaar], inclusief eventuele verhoging"): one contract, or the yearly round of all of an
 * insurer's signed contracts ending in a year. The rules are the contract's ({@code RenewContract}); this finds the
 * contracts and the ceiling in force at the end of each, and sends one command per contract.
 * <p>
 * The ceiling in force comes from the ceilings' state ({@link RenewableContracts}): the contract does not know what its
 * ceilings were raised to (each ceiling is an aggregate of its own, raised when the provider signs an addendum), and
 * that state is written in the transaction of every ceiling event, so it holds every addendum signed before the
 * renewal is asked for (DESIGN §5: a ceiling reflects every command answered 2xx). An addendum signed after the
 * renewal — rare, since increase requests close on 31 July (seed 001) and renewals go out in the autumn — does not
 * change the offer already made.
 * <p>
 * Each command is sent through the caller's command gateway ({@code send}), so that its events carry who renewed: the
 * purchaser of the HTTP request, or the demo's purchaser. Each renewal is a transaction of its own: in the yearly
 * round one contract's refusal is recorded as skipped and the others go on.
 */
public class ContractRenewals {

    private final RenewableContracts contracts;

    public ContractRenewals(RenewableContracts contracts) {
        this.contracts = contracts;
    }

    /**
     * Renews one contract with the ceiling in force at the end of its term, or {@code ceiling} when given. A refusal is
     * thrown as the contract gives it (not signed, renewed already, the provider holds the next year already, …).
     */
    public RenewalOutcome renew(String contractId, Money ceiling, Instant offerExpiresAt, String renewedBy,
                                Instant renewedAt, Consumer<RenewContract> send) {
        RenewableContract contract = contracts.find(contractId).orElseThrow(() ->
                new UnknownReferenceException("no contract with id " + contractId));
        RenewContract command = command(contract, ceiling, offerExpiresAt, renewedBy, renewedAt);
        send.accept(command);
        return new RenewalOutcome(contractId, contract.provider(), RenewalOutcome.Status.OFFERED,
                command.renewalContractId(), command.ceiling(), command.ceilingFrom(), null);
    }

    /**
     * The yearly round: every signed contract of the insurer whose term ends in {@code year} (of the provider type and
     * kind when given) is offered its next term with its ceiling in force. A contract the rules refuse (renewed
     * already, the provider holds next year already, a setting the new policy no longer contracts, …) is skipped with
     * the reason, and the round goes on; run again, it offers nothing twice.
     */
    public YearlyRenewalResult renewAllEndingIn(InsurerCode insurer, int year, ProviderType providerType,
                                                ContractKind kind, Instant offerExpiresAt, String renewedBy,
                                                Instant renewedAt, Consumer<RenewContract> send) {
        if (!ContractYears.contains(year)) {
            throw new InvalidValueException("a contract year is between " + ContractYears.FIRST + " and "
                    + ContractYears.LAST + ", got " + year);
        }
        List<RenewalOutcome> results = new ArrayList<>();
        for (RenewableContract contract : contracts.signedEndingIn(insurer, year, providerType, kind)) {
            RenewContract command = command(contract, null, offerExpiresAt, renewedBy, renewedAt);
            try {
                send.accept(command);
                results.add(new RenewalOutcome(contract.contractId(), contract.provider(),
                        RenewalOutcome.Status.OFFERED, command.renewalContractId(), command.ceiling(),
                        command.ceilingFrom(), null));
            } catch (StateConflictException | RuleViolationException | InvalidValueException
                     | UnknownReferenceException refused) {
                // the contract's own refusal; anything else (the database gone) ends the round, to be run again
                results.add(new RenewalOutcome(contract.contractId(), contract.provider(),
                        RenewalOutcome.Status.SKIPPED, null, command.ceiling(), command.ceilingFrom(),
                        refused.getMessage()));
            }
        }
        return new YearlyRenewalResult(insurer, year, results);
    }

    private static RenewContract command(RenewableContract contract, Money ceiling, Instant offerExpiresAt,
                                         String renewedBy, Instant renewedAt) {
        // the purchaser's amount, else the ceiling in force at the end of the term (none: the contract refuses it)
        Money carried = ceiling != null ? ceiling : contract.ceilingInForce();
        String from = ceiling != null ? null : contract.ceilingId();
        return new RenewContract(contract.contractId(), RenewContract.renewalIdOf(contract.contractId()), carried,
                from, offerExpiresAt, renewedBy, renewedAt);
    }
}
