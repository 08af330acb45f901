package nl.ggz.contracts.api.ingestion;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import nl.ggz.contracts.api.settings.ShippedSettings;
import nl.ggz.contracts.domain.ceiling.DeclarationLine;
import nl.ggz.contracts.domain.ceiling.DeclarationOutcome;
import nl.ggz.contracts.domain.ceiling.DeclarationStatus;
import nl.ggz.contracts.domain.ceiling.RecordDeclarations;
import nl.ggz.contracts.domain.shared.Money;
import nl.ggz.contracts.projections.contract.DeclarationRoute;
import nl.ggz.contracts.projections.contract.FindDeclarationRoutes;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * A claims batch is recorded one ceiling (one transaction) at a time. When a ceiling fails part-way, the ceilings
 * before it are recorded and stay so: every line says what became of it (issue 12: a batch never half-commits across
 * ceilings without saying so per line). Only a batch of which nothing was stored is answered as a whole (503).
 */
class DeclarationIntakeTest {

    private static final String INSURER = "3311";
    private static final int YEAR = 2027;

    private final CommandGateway commands = mock(CommandGateway.class);
    private final QueryGateway queries = mock(QueryGateway.class);
    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule());
    private final DeclarationIntake intake = new DeclarationIntake(commands, queries, json,
            Clock.fixed(Instant.parse("2027-06-01T10:00:00Z"), java.time.ZoneOffset.UTC), ShippedSettings.ggz(),
            new SimpleMeterRegistry());

    DeclarationIntakeTest() {
        when(queries.query(argThat((Object q) -> q instanceof FindDeclarationRoutes),
                any(org.axonframework.messaging.responsetypes.ResponseType.class)))
                .thenReturn(CompletableFuture.completedFuture(List.of(signed("c-1"), signed("c-2"), signed("c-3"))));
    }

    @Test
    void aCeilingThatFailsUnexpectedlyAnswersItsOwnLinesNotRecordedAndEveryOtherLineAsRecorded() {
        recordsAsAccepted("c-1-2027");
        when(commands.sendAndWait(argThat(onCeiling("c-2-2027")))).thenThrow(new IllegalStateException("a bug"));
        recordsAsAccepted("c-3-2027");

        List<DeclarationOutcome> results = intake.submit(List.of(line("D-1", "c-1"), line("D-2", "c-2"),
                line("D-3", "c-3")), INSURER);

        assertThat(results).extracting(DeclarationOutcome::status).containsExactly(DeclarationStatus.ACCEPTED,
                DeclarationStatus.REJECTED, DeclarationStatus.ACCEPTED);
        assertThat(results.get(1).reason()).startsWith("not recorded").contains("send it again");
        assertThat(results.get(1).reason()).doesNotContain("a bug");
    }

    @Test
    void aDatabaseOutageBeforeAnythingWasRecordedFailsTheWholeBatchToBeSentAgain() {
        when(commands.sendAndWait(argThat(onCeiling("c-1-2027"))))
                .thenThrow(new DataAccessResourceFailureException("connection refused"));

        assertThatThrownBy(() -> intake.submit(List.of(line("D-1", "c-1"), line("D-2", "c-2")), INSURER))
                .isInstanceOf(DataAccessResourceFailureException.class);
    }

    @Test
    void aDatabaseOutageHalfWayAnswersTheRecordedLinesAndTheRestNotRecorded() {
        recordsAsAccepted("c-1-2027");
        when(commands.sendAndWait(argThat(onCeiling("c-2-2027"))))
                .thenThrow(new DataAccessResourceFailureException("connection refused"));
        recordsAsAccepted("c-3-2027");

        List<DeclarationOutcome> results = intake.submit(List.of(line("D-1", "c-1"), line("D-2", "c-2"),
                line("D-3", "c-3")), INSURER);

        assertThat(results).extracting(DeclarationOutcome::status).containsExactly(DeclarationStatus.ACCEPTED,
                DeclarationStatus.REJECTED, DeclarationStatus.REJECTED);
        assertThat(results.get(1).reason()).isEqualTo(DeclarationIntake.NOT_RECORDED_TEMPORARILY);
        assertThat(results.get(2).reason()).isEqualTo(DeclarationIntake.NOT_RECORDED_TEMPORARILY);
    }

    /** The credit rule is the ceiling's (CeilingAgreement): the intake checks the form and routes, nothing more. */
    @Test
    void aCreditNamingNothingAndAZeroAmountGoToTheirCeilingWhichJudgesThem() {
        List<RecordDeclarations> sent = new ArrayList<>();
        when(commands.sendAndWait(argThat(onCeiling("c-1-2027")))).thenAnswer(call -> {
            RecordDeclarations command = call.getArgument(0);
            sent.add(command);
            return command.lines().stream()
                    .map(l -> DeclarationOutcome.rejected(l.declarationId(), "c-1-2027", "judged by the ceiling"))
                    .toList();
        });

        List<DeclarationOutcome> results = intake.submit(List.of(line("D-1", "c-1").put("amountCents", -100),
                line("D-2", "c-1").put("amountCents", 0)), INSURER);

        assertThat(sent).singleElement().satisfies(command -> assertThat(command.lines())
                .extracting(l -> l.amount().cents(), DeclarationLine::correctsDeclarationId)
                .containsExactly(tuple(-100L, null), tuple(0L, null)));
        assertThat(results).extracting(DeclarationOutcome::reason).containsOnly("judged by the ceiling");
    }

    @Test
    void aSettingItsTypeRefusesIsRejectedInTheTypesWordsAndSentNowhere() {
        List<DeclarationOutcome> results = intake.submit(List.of(line("D-1", "c-1").put("setting", 9)), INSURER);

        assertThat(results).singleElement().satisfies(result -> {
            assertThat(result.status()).isEqualTo(DeclarationStatus.REJECTED);
            assertThat(result.reason()).isEqualTo("a setting is a number from 1 to 8, got 9");
        });
        verify(commands, never()).sendAndWait(any());
    }

    @Test
    void aTreatmentYearWithoutACeilingIsRejectedNamingTheContractsTerm() {
        List<DeclarationOutcome> results = intake.submit(List.of(line("D-1", "c-1").put("treatmentDate",
                "2029-03-01")), INSURER);

        assertThat(results).singleElement().satisfies(result -> {
            assertThat(result.status()).isEqualTo(DeclarationStatus.REJECTED);
            assertThat(result.reason()).contains("no ceiling for 2029", "2029-03-01", "2027-01-01 to 2027-12-31");
        });
        verify(commands, never()).sendAndWait(any());
    }

    /** One shape per answer: the ceiling's outcome is what the claims system reads, amounts named as the API's. */
    @Test
    void theAnswerNamesItsAmountsInCents() throws Exception {
        recordsAsAccepted("c-1-2027");

        List<DeclarationOutcome> results = intake.submit(List.of(line("D-1", "c-1")), INSURER);

        assertThat(json.readTree(json.writeValueAsString(results.get(0))).toString()).isEqualTo("{\"declarationId\":"
                + "\"D-1\",\"status\":\"ACCEPTED\",\"ceilingId\":\"c-1-2027\",\"payableCents\":1000,"
                + "\"unpaidCents\":0,\"reason\":null}");
    }

    private void recordsAsAccepted(String ceilingId) {
        when(commands.sendAndWait(argThat(onCeiling(ceilingId)))).thenAnswer(call -> {
            RecordDeclarations command = call.getArgument(0);
            return command.lines().stream()
                    .map(l -> DeclarationOutcome.accepted(l.declarationId(), ceilingId, l.amount(), Money.ZERO))
                    .toList();
        });
    }

    private static org.mockito.ArgumentMatcher<Object> onCeiling(String ceilingId) {
        return command -> command instanceof RecordDeclarations record && record.ceilingId().equals(ceilingId);
    }

    private ObjectNode line(String id, String contractId) {
        return json.createObjectNode().put("declarationId", id).put("contractId", contractId)
                .put("treatmentDate", YEAR + "-03-01").put("setting", 2).put("prestatieCode", "CO0142")
                .put("patientRef", "p-" + id).put("amountCents", 1_000);
    }

    private static DeclarationRoute signed(String contractId) {
        return new DeclarationRoute(contractId, INSURER, "SIGNED", true, LocalDate.of(YEAR, 1, 1),
                LocalDate.of(YEAR, 12, 31), List.of(contractId + "-" + YEAR));
    }
}
