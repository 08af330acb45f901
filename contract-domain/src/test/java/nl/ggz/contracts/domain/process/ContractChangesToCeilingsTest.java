package nl.ggz.contracts.domain.process;

import nl.ggz.contracts.domain.ceiling.ApplyContractAmendment;
import nl.ggz.contracts.domain.ceiling.ApplyContractTermination;
import nl.ggz.contracts.domain.contract.ContractAmended;
import nl.ggz.contracts.domain.shared.PrestatieCode;
import nl.ggz.contracts.domain.shared.Setting;
import nl.ggz.contracts.domain.contract.ContractTerminated;
import org.axonframework.commandhandling.CommandCallback;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.Registration;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Amendments and terminations reach every ceiling of the contract, where declarations are judged. */
class ContractChangesToCeilingsTest {

    private static final String CONTRACT_ID = "c-1";
    private static final String CEILING_ID = "c-1-2027";
    private static final String OTHER_CEILING_ID = "c-1-2028";
    private static final PrestatieCode PRESTATIE = new PrestatieCode("CO0142");


    private final List<Object> sent = new ArrayList<>();
    private final ContractChangesToCeilings process = new ContractChangesToCeilings(new RecordingGateway());

    @Test
    void amendmentIsCarriedToEachCeilingOfTheContractWithItsEffectiveDate() {
        // seed 002 §5.4: exclusions apply to the whole contract term, for care from the effective date on
        LocalDate effective = LocalDate.of(2027, 3, 1);
        process.on(new ContractAmended(CONTRACT_ID, Set.of(PRESTATIE), Set.of(new Setting(3)), "quality",
                Instant.parse("2027-03-01T10:00:00Z"), List.of(CEILING_ID, OTHER_CEILING_ID), effective, null));
        assertThat(sent).containsExactly(
                new ApplyContractAmendment(CEILING_ID, Set.of(PRESTATIE), Set.of(new Setting(3)), effective),
                new ApplyContractAmendment(OTHER_CEILING_ID, Set.of(PRESTATIE), Set.of(new Setting(3)), effective));
    }

    @Test
    void terminationIsCarriedToEachCeilingOfTheContract() {
        LocalDate effective = LocalDate.of(2027, 6, 30);
        process.on(new ContractTerminated(CONTRACT_ID, "merger", effective, Instant.parse("2027-05-01T10:00:00Z"),
                List.of(CEILING_ID, OTHER_CEILING_ID)));
        assertThat(sent).containsExactly(new ApplyContractTermination(CEILING_ID, effective),
                new ApplyContractTermination(OTHER_CEILING_ID, effective));
    }

    private final class RecordingGateway implements CommandGateway {

        @Override
        public <C, R> void send(C command, CommandCallback<? super C, ? super R> callback) {
            sent.add(command);
        }

        @Override
        public <R> R sendAndWait(Object command) {
            sent.add(command);
            return null;
        }

        @Override
        public <R> R sendAndWait(Object command, long timeout, TimeUnit unit) {
            sent.add(command);
            return null;
        }

        @Override
        public <R> CompletableFuture<R> send(Object command) {
            sent.add(command);
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public Registration registerDispatchInterceptor(
                MessageDispatchInterceptor<? super CommandMessage<?>> interceptor) {
            return () -> true;
        }
    }
}
