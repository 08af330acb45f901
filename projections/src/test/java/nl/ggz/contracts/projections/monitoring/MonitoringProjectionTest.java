package nl.ggz.contracts.projections.monitoring;

import nl.ggz.contracts.domain.ceiling.IncreaseDecisionOverdue;
import nl.ggz.contracts.domain.contract.ContractOffered;
import nl.ggz.contracts.projections.EventFeed;
import nl.ggz.contracts.projections.ReadModelDatabase;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static nl.ggz.contracts.projections.Events.addendumSigned;
import static nl.ggz.contracts.projections.Events.agreed;
import static nl.ggz.contracts.projections.Events.approved;
import static nl.ggz.contracts.projections.Events.clawBack;
import static nl.ggz.contracts.projections.Events.credited;
import static nl.ggz.contracts.projections.Events.offered;
import static nl.ggz.contracts.projections.Events.recorded;
import static nl.ggz.contracts.projections.Events.rejected;
import static nl.ggz.contracts.projections.Events.requested;
import static nl.ggz.contracts.projections.Events.threshold;
import static org.assertj.core.api.Assertions.assertThat;

/** The monitoring tables as events fill them: totals per ceiling, the course per day, thresholds, raises, requests. */
class MonitoringProjectionTest {

    private static final ReadModelDatabase DB = ReadModelDatabase.get();
    private static final ContractOffered OFFER = offered("C-1", 2027, 1_000_000);
    private static final String CEILING = "C-1-2027";

    private final MonitoringProjection monitoring = new MonitoringProjection(DB.jdbc());
    private final EventFeed feed = new EventFeed(DB, monitoring);

    @BeforeEach
    void empty() {
        DB.empty(monitoring);
    }

    @Test
    void anAgreedCeilingIsWatchedFromItsInitialAmountAndAReplayAddsNoSecondRow() {
        List<TrackedEventMessage<?>> agreed = feed.handle(agreed(OFFER, 2027));
        feed.handleAgain(agreed);

        assertThat(DB.jdbc().queryForMap("""
                SELECT count(*) OVER () AS rows, contract_id, insurer_uzovi, provider_agb, provider_type, kind,
                       contract_year, initial_ceiling_cents, ceiling_cents, declared_cents
                FROM monitoring_ceiling"""))
                .containsEntry("rows", 1L).containsEntry("contract_id", "C-1").containsEntry("insurer_uzovi", "3311")
                .containsEntry("provider_agb", "94001234").containsEntry("provider_type", "INSTITUTION")
                .containsEntry("kind", "DIGITAL").containsEntry("contract_year", 2027)
                .containsEntry("initial_ceiling_cents", 1_000_000L).containsEntry("ceiling_cents", 1_000_000L)
                .containsEntry("declared_cents", 0L);
    }

    @Test
    void declarationsCountOnTheDayOfTheCareNotOfTheirArrival() {
        ContractOffered other = offered("C-2", 2027, 500_000);
        feed.handle(agreed(OFFER, 2027), agreed(other, 2027));
        LocalDate january = LocalDate.of(2027, 1, 5);
        LocalDate march = LocalDate.of(2027, 3, 1);

        feed.at("2027-03-10T09:00:00Z").handle(recorded(CEILING, "D-1", 200_000, 200_000, january),
                recorded(CEILING, "D-2", 400_000, 400_000, march), recorded("C-2-2027", "E-1", 7_000, 7_000, march),
                credited(CEILING, "D-2-credit", "D-2", 50_000, march));
        feed.handle(recorded(CEILING, "D-3", 1_000, 1_000, march));

        assertThat(DB.jdbc().queryForMap(
                "SELECT declared_cents, declarations FROM monitoring_ceiling WHERE ceiling_id = ?", CEILING))
                .containsEntry("declared_cents", 551_000L).containsEntry("declarations", 3L);
        assertThat(DB.texts("SELECT day || '=' || declared_cents FROM monitoring_day WHERE ceiling_id = ? ORDER BY day",
                CEILING)).containsExactly("2027-01-05=200000", "2027-03-01=351000");
        assertThat(DB.number("SELECT declared_cents FROM monitoring_day WHERE ceiling_id = 'C-2-2027'"))
                .isEqualTo(7_000);
    }

    @Test
    void aClawBackCountsOnTheDutchDayItWasIssued() {
        feed.handle(agreed(OFFER, 2027));
        feed.handle(recorded(CEILING, "D-1", 300_000, 300_000, LocalDate.of(2027, 1, 5)));
        // 22:30 UTC on 30 June is 00:30 on 1 July in Amsterdam (summer time)
        feed.handle(clawBack(CEILING, "K-1", 40_000, "D-1", Instant.parse("2027-06-30T22:30:00Z")));

        assertThat(DB.number("SELECT clawed_back_cents FROM monitoring_ceiling WHERE ceiling_id = ?", CEILING))
                .isEqualTo(40_000);
        assertThat(DB.texts("SELECT day || '=' || clawed_back_cents FROM monitoring_day WHERE ceiling_id = ? "
                + "AND clawed_back_cents <> 0", CEILING)).containsExactly("2027-07-01=40000");
    }

    @Test
    void aThresholdIsDatedByItsEventOnce() {
        Instant reached = Instant.parse("2027-05-01T10:00:00Z");
        feed.handle(agreed(OFFER, 2027));
        List<TrackedEventMessage<?>> seventy = feed.at(reached).handle(threshold(CEILING, 70, 700_000, 1_000_000));
        feed.handleAgain(seventy);

        assertThat(DB.number("SELECT count(*) FROM monitoring_threshold WHERE ceiling_id = ?", CEILING)).isEqualTo(1);
        assertThat(DB.instant("SELECT reached_at FROM monitoring_threshold WHERE ceiling_id = ? AND percent = 70",
                CEILING)).isEqualTo(reached);
    }

    @Test
    void aSignedAddendumRaisesTheCeilingFromTheDutchDayItWasSigned() {
        feed.handle(agreed(OFFER, 2027));
        // 23:15 UTC on 31 May is 01:15 on 1 June in Amsterdam
        feed.handle(addendumSigned(CEILING, "A-1", Instant.parse("2027-05-31T23:15:00Z"), 250_000, 1_000_000, 0));

        assertThat(DB.number("SELECT ceiling_cents FROM monitoring_ceiling WHERE ceiling_id = ?", CEILING))
                .isEqualTo(1_250_000);
        assertThat(DB.number("SELECT initial_ceiling_cents FROM monitoring_ceiling WHERE ceiling_id = ?", CEILING))
                .isEqualTo(1_000_000);
        assertThat(DB.date("SELECT signed_on FROM monitoring_raise WHERE addendum_id = 'A-1'"))
                .isEqualTo(LocalDate.of(2027, 6, 1));
        assertThat(DB.number("SELECT amount_cents FROM monitoring_raise WHERE addendum_id = 'A-1'")).isEqualTo(250_000);
    }

    @Test
    void increaseRequestsGoFromRequestedToTheirDecision() {
        Instant asked = Instant.parse("2027-04-02T09:00:00Z");
        Instant decided = Instant.parse("2027-05-20T09:00:00Z");
        feed.handle(agreed(OFFER, 2027));
        feed.handle(requested(CEILING, "R-1", 100_000, asked), requested(CEILING, "R-2", 50_000, asked),
                requested(CEILING, "R-3", 20_000, asked));
        feed.handle(new IncreaseDecisionOverdue(CEILING, "R-1", asked.plus(java.time.Duration.ofDays(28))),
                approved(CEILING, "R-1", 80_000, "A-1", decided), rejected(CEILING, "R-2", decided));

        assertThat(DB.texts("SELECT request_id || ' ' || status || ' ' || overdue FROM monitoring_request "
                + "ORDER BY request_id")).containsExactly("R-1 APPROVED true", "R-2 REJECTED false", "R-3 SUBMITTED false");
        assertThat(DB.instant("SELECT decided_at FROM monitoring_request WHERE request_id = 'R-2'")).isEqualTo(decided);
        assertThat(DB.instant("SELECT decided_at FROM monitoring_request WHERE request_id = 'R-3'")).isNull();
        assertThat(DB.instant("SELECT decision_due_at FROM monitoring_request WHERE request_id = 'R-3'"))
                .isEqualTo(asked.plus(java.time.Duration.ofDays(28)));
    }

    @Test
    void aResetEmptiesEveryMonitoringTable() {
        feed.handle(agreed(OFFER, 2027));
        feed.handle(recorded(CEILING, "D-1", 800_000, 800_000, LocalDate.of(2027, 2, 1)),
                threshold(CEILING, 70, 800_000, 1_000_000),
                requested(CEILING, "R-1", 100_000, Instant.parse("2027-04-02T09:00:00Z")),
                addendumSigned(CEILING, "A-1", Instant.parse("2027-05-02T09:00:00Z"), 100_000, 1_000_000, 0));

        for (String table : monitoring.tables()) {
            assertThat(DB.number("SELECT count(*) FROM " + table)).as(table).isPositive();
        }

        feed.reset();

        for (String table : monitoring.tables()) {
            assertThat(DB.number("SELECT count(*) FROM " + table)).as(table).isZero();
        }
    }
}
