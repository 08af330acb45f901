package nl.ggz.contracts.domain.renewal;

import nl.ggz.contracts.domain.contract.RenewContract;
import nl.ggz.contracts.domain.shared.ContractKind;
import nl.ggz.contracts.domain.shared.InsurerCode;
import nl.ggz.contracts.domain.shared.InvalidValueException;
import nl.ggz.contracts.domain.shared.Money;
import nl.ggz.contracts.domain.shared.ProviderCode;
import nl.ggz.contracts.domain.shared.ProviderType;
import nl.ggz.contracts.domain.shared.StateConflictException;
import nl.ggz.contracts.domain.shared.UnknownReferenceException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The renewal round around the contract's own rules (ContractRenewalTest): what it sends, and what it does with a no. */
class ContractRenewalsTest {

    private static final InsurerCode INSURER = new InsurerCode("3311");
    private static final Instant AT = Instant.parse("2027-10-05T09:00:00Z");
    private static final RenewableContract RAISED = new RenewableContract("c-1", new ProviderCode("94000001"),
            LocalDate.of(2027, 12, 31), "c-1-2027", Money.cents(300_000_000));
    private static final RenewableContract HELD = new RenewableContract("c-2", new ProviderCode("94000002"),
            LocalDate.of(2027, 12, 31), "c-2-2027", Money.cents(100_000_000));
    private static final RenewableContract PLAIN = new RenewableContract("c-3", new ProviderCode("94000003"),
            LocalDate.of(2027, 12, 31), "c-3-2027", Money.cents(50_000_000));

    private final List<RenewContract> sent = new ArrayList<>();
    private final ContractRenewals renewals = new ContractRenewals(new RenewableContracts() {
        @Override
        public List<RenewableContract> signedEndingIn(InsurerCode insurer, int year, ProviderType providerType,
                                                      ContractKind kind) {
            return List.of(RAISED, HELD, PLAIN);
        }

        @Override
        public Optional<RenewableContract> find(String contractId) {
            return List.of(RAISED, HELD, PLAIN).stream().filter(c -> c.contractId().equals(contractId)).findFirst();
        }
    });

    /** The contract's answer: c-2's provider holds next year already. */
    private void send(RenewContract command) {
        if (command.contractId().equals("c-2")) {
            throw new StateConflictException("provider 94000002 has contract c-9 with insurer 3311 for 2028 already");
        }
        sent.add(command);
    }

    @Test
    void theRenewalCarriesTheCeilingInForceAtTheEndOfTheTermAndNamesIt() {
        // seed 001: "gebaseerd op het zorgkostenplafond van 2023, inclusief eventuele verhoging"
        RenewalOutcome outcome = renewals.renew("c-1", null, null, "inkoper Anna", AT, this::send);

        assertThat(sent).containsExactly(new RenewContract("c-1", RenewContract.renewalIdOf("c-1"),
                Money.cents(300_000_000), "c-1-2027", null, "inkoper Anna", AT));
        assertThat(outcome.status()).isEqualTo(RenewalOutcome.Status.OFFERED);
        assertThat(outcome.ceilingFrom()).isEqualTo("c-1-2027");
    }

    @Test
    void aCeilingThePurchaserSetsReplacesTheCeilingInForce() {
        renewals.renew("c-1", Money.cents(275_000_000), null, "inkoper Anna", AT, this::send);

        assertThat(sent).singleElement().satisfies(command -> {
            assertThat(command.ceiling()).isEqualTo(Money.cents(275_000_000));
            assertThat(command.ceilingFrom()).isNull();
        });
    }

    @Test
    void aSingleRenewalThatTheContractRefusesIsThrownAsTheContractSaysIt() {
        assertThatThrownBy(() -> renewals.renew("c-2", null, null, "inkoper Anna", AT, this::send))
                .isInstanceOf(StateConflictException.class).hasMessageContaining("c-9");
        assertThatThrownBy(() -> renewals.renew("c-404", null, null, "inkoper Anna", AT, this::send))
                .isInstanceOf(UnknownReferenceException.class);
    }

    @Test
    void inTheYearlyRoundARefusedContractIsSkippedWithItsReasonAndTheOthersAreOffered() {
        YearlyRenewalResult result = renewals.renewAllEndingIn(INSURER, 2027, null, null, null, "inkoper Anna", AT,
                this::send);

        assertThat(result.offered()).isEqualTo(2);
        assertThat(result.skipped()).isEqualTo(1);
        assertThat(result.results()).extracting(RenewalOutcome::contractId).containsExactly("c-1", "c-2", "c-3");
        RenewalOutcome skipped = result.results().get(1);
        assertThat(skipped.status()).isEqualTo(RenewalOutcome.Status.SKIPPED);
        assertThat(skipped.renewalContractId()).isNull();
        assertThat(skipped.reason()).contains("c-9");
        assertThat(sent).extracting(RenewContract::contractId).containsExactly("c-1", "c-3");
    }

    @Test
    void aFailureThatIsNotTheContractsRefusalEndsTheRound() {
        // the database gone: the round stops (the caller answers 503) and is run again; nothing is offered twice
        assertThatThrownBy(() -> renewals.renewAllEndingIn(INSURER, 2027, null, null, null, "inkoper Anna", AT,
                command -> {
                    throw new IllegalStateException("connection refused");
                })).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aYearOutsideTheContractYearsIsRefused() {
        assertThatThrownBy(() -> renewals.renewAllEndingIn(INSURER, 1999, null, null, null, "inkoper Anna", AT,
                this::send)).isInstanceOf(InvalidValueException.class);
    }
}
