package nl.ggz.contracts.projections.monitoring;

import nl.ggz.contracts.jdbc.TableOwner;
import nl.ggz.contracts.domain.ceiling.AddendumSigned;
import nl.ggz.contracts.domain.ceiling.CeilingAgreed;
import nl.ggz.contracts.domain.ceiling.CeilingSettled;
import nl.ggz.contracts.domain.ceiling.CeilingThresholdReached;
import nl.ggz.contracts.domain.ceiling.CeilingThresholdsCleared;
import nl.ggz.contracts.domain.ceiling.ClawBackIssued;
import nl.ggz.contracts.domain.ceiling.DeclarationCredited;
import nl.ggz.contracts.domain.ceiling.DeclarationRecorded;
import nl.ggz.contracts.domain.ceiling.IncreaseApproved;
import nl.ggz.contracts.domain.ceiling.IncreaseDecisionOverdue;
import nl.ggz.contracts.domain.ceiling.IncreaseInformationRequested;
import nl.ggz.contracts.domain.ceiling.IncreaseRejected;
import nl.ggz.contracts.domain.ceiling.IncreaseRequestCompleted;
import nl.ggz.contracts.domain.ceiling.IncreaseRequested;
import nl.ggz.contracts.domain.shared.DomainTime;
import nl.ggz.contracts.jdbc.CommitBatch;
import nl.ggz.contracts.jdbc.SqlArrays;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;
import java.time.Instant;
import java.time.LocalDate;

import static nl.ggz.contracts.jdbc.SqlTime.date;
import static nl.ggz.contracts.jdbc.SqlTime.ts;

/**
 * Declaration monitoring per ceiling: figures, thresholds with their dates, the day-by-day course of the year and the
 * increase requests. A streaming projection: it may lag the write by a moment, and it is rebuilt by a replay.
 */
@Component
@ProcessingGroup(MonitoringProjection.PROCESSING_GROUP)
public class MonitoringProjection implements TableOwner {

    public static final String PROCESSING_GROUP = "monitoring";

    @Override
    public List<String> tables() {
        return List.of("monitoring_ceiling", "monitoring_threshold", "monitoring_day", "monitoring_raise", "monitoring_request");
    }

    private final JdbcTemplate jdbc;
    private final CommitBatch totals;

    public MonitoringProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.totals = new CommitBatch(jdbc);
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM monitoring_request");
        jdbc.update("DELETE FROM monitoring_raise");
        jdbc.update("DELETE FROM monitoring_day");
        jdbc.update("DELETE FROM monitoring_threshold");
        jdbc.update("DELETE FROM monitoring_ceiling");
    }

    @EventHandler
    void on(CeilingAgreed e) {
        jdbc.update("""
                INSERT INTO monitoring_ceiling (ceiling_id, contract_id, insurer_uzovi, provider_agb, provider_type, kind,
                    contract_year, initial_ceiling_cents, ceiling_cents)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (ceiling_id) DO NOTHING
                """,
                e.ceilingId(), e.contractId(), e.insurer().value(), e.provider().value(), e.providerType().name(),
                e.kind().name(), e.year(), e.initialCeiling().cents(), e.initialCeiling().cents());
    }

    @EventHandler
    void on(DeclarationRecorded e) {
        declared(e.ceilingId(), e.treatmentDate(), e.amount().cents(), 1);
    }

    @EventHandler
    void on(DeclarationCredited e) {
        declared(e.ceilingId(), e.treatmentDate(), -e.amount().cents(), 0);
    }

    /** Added up per batch of events and written once per ceiling and per day (see {@link CommitBatch}). */
    private void declared(String ceilingId, LocalDate treatmentDate, long cents, int declarations) {
        totals.merge(ADD_TO_CEILING, ceilingId, new CeilingTotal(ceilingId, cents, declarations));
        totals.merge(ADD_TO_DAY, new DayKey(ceilingId, treatmentDate), new DayTotal(ceilingId, treatmentDate, cents));
    }

    private static final String ADD_TO_CEILING = """
            WITH d (ceiling_id, cents, declarations) AS (VALUES (?, ?::bigint, ?::bigint))
            UPDATE monitoring_ceiling c SET declared_cents = c.declared_cents + d.cents,
                declarations = c.declarations + d.declarations
            FROM d WHERE c.ceiling_id = d.ceiling_id
            """;

    private static final String ADD_TO_DAY = """
            INSERT INTO monitoring_day (ceiling_id, day, declared_cents) VALUES (?, ?, ?)
            ON CONFLICT (ceiling_id, day) DO UPDATE SET declared_cents = monitoring_day.declared_cents + EXCLUDED.declared_cents
            """;

    private record CeilingTotal(String ceilingId, long cents, long declarations) implements CommitBatch.Row<CeilingTotal> {
        @Override
        public CeilingTotal plus(CeilingTotal other) {
            return new CeilingTotal(ceilingId, cents + other.cents, declarations + other.declarations);
        }

        @Override
        public Object[] parameters() {
            return new Object[]{ceilingId, cents, declarations};
        }
    }

    private record DayKey(String ceilingId, LocalDate day) {
    }

    private record DayTotal(String ceilingId, LocalDate day, long cents) implements CommitBatch.Row<DayTotal> {
        @Override
        public DayTotal plus(DayTotal other) {
            return new DayTotal(ceilingId, day, cents + other.cents);
        }

        @Override
        public Object[] parameters() {
            return new Object[]{ceilingId, date(day), cents};
        }
    }

    /**
     * What a claw-back reclaimed of what was paid counts as clawed back on the day it was issued; what it only took off
     * the amounts held unpaid is withdrawn (seed 000 ⓴). After settlement it is a recovery on the settled year.
     */
    @EventHandler
    void on(ClawBackIssued e) {
        long reclaimed = e.payableReduction().cents();
        long withdrawn = e.unpaidReduction().cents();
        jdbc.update("""
                UPDATE monitoring_ceiling SET clawed_back_cents = clawed_back_cents + ?,
                    withdrawn_unpaid_cents = withdrawn_unpaid_cents + ?,
                    recovered_after_settlement_cents = recovered_after_settlement_cents + ?
                WHERE ceiling_id = ?
                """, reclaimed, withdrawn, e.afterSettlement() ? reclaimed : 0L, e.ceilingId());
        jdbc.update("""
                INSERT INTO monitoring_day (ceiling_id, day, clawed_back_cents, withdrawn_unpaid_cents) VALUES (?, ?, ?, ?)
                ON CONFLICT (ceiling_id, day) DO UPDATE SET
                    clawed_back_cents = monitoring_day.clawed_back_cents + EXCLUDED.clawed_back_cents,
                    withdrawn_unpaid_cents = monitoring_day.withdrawn_unpaid_cents + EXCLUDED.withdrawn_unpaid_cents
                """, e.ceilingId(), date(DomainTime.dateOf(e.issuedAt())), reclaimed, withdrawn);
    }

    @EventHandler
    void on(CeilingThresholdReached e, @Timestamp Instant at) {
        jdbc.update("""
                INSERT INTO monitoring_threshold (ceiling_id, percent, reached_at) VALUES (?, ?, ?)
                ON CONFLICT (ceiling_id, percent) DO NOTHING
                """, e.ceilingId(), e.percent(), ts(at));
    }

    /** Seed 001: monitoring shows the marks of the ceiling in force; those a raise left unreached go. */
    @EventHandler
    void on(CeilingThresholdsCleared e) {
        jdbc.update("DELETE FROM monitoring_threshold WHERE ceiling_id = ? AND percent = ANY (?::integer[])",
                e.ceilingId(), SqlArrays.ints(e.percents()));
    }

    @EventHandler
    void on(CeilingSettled e) {
        jdbc.update("UPDATE monitoring_ceiling SET settled_at = ? WHERE ceiling_id = ?", ts(e.settledAt()),
                e.ceilingId());
    }

    @EventHandler
    void on(AddendumSigned e) {
        jdbc.update("UPDATE monitoring_ceiling SET ceiling_cents = ? WHERE ceiling_id = ?",
                e.newCeiling().cents(), e.ceilingId());
        jdbc.update("""
                INSERT INTO monitoring_raise (addendum_id, ceiling_id, signed_on, amount_cents) VALUES (?, ?, ?, ?)
                ON CONFLICT (addendum_id) DO NOTHING
                """, e.addendumId(), e.ceilingId(), date(DomainTime.dateOf(e.signedAt())), e.amount().cents());
    }

    @EventHandler
    void on(IncreaseRequested e) {
        jdbc.update("""
                INSERT INTO monitoring_request (request_id, ceiling_id, amount_cents, grounds, criteria, status,
                    requested_at, decision_due_at) VALUES (?, ?, ?, ?, ?::text[], 'SUBMITTED', ?, ?)
                ON CONFLICT (request_id) DO NOTHING
                """, e.requestId(), e.ceilingId(), e.amount().cents(), e.grounds(),
                SqlArrays.texts(e.criteria().stream().map(Enum::name).toList()), ts(e.requestedAt()),
                ts(e.decisionDueAt()));
    }

    /** The decision clock stops while the purchaser waits for information (seed 001). */
    @EventHandler
    void on(IncreaseInformationRequested e) {
        jdbc.update("""
                UPDATE monitoring_request SET status = 'INFORMATION_REQUESTED', decision_due_at = NULL
                WHERE request_id = ?
                """, e.requestId());
    }

    @EventHandler
    void on(IncreaseRequestCompleted e) {
        jdbc.update("""
                UPDATE monitoring_request SET status = 'COMPLETE', decision_due_at = ?
                WHERE request_id = ?
                """, ts(e.decisionDueAt()), e.requestId());
    }

    @EventHandler
    void on(IncreaseApproved e) {
        decided(e.requestId(), "APPROVED", e.decidedAt());
    }

    @EventHandler
    void on(IncreaseRejected e) {
        decided(e.requestId(), "REJECTED", e.decidedAt());
    }

    private void decided(String requestId, String status, Instant at) {
        jdbc.update("UPDATE monitoring_request SET status = ?, decided_at = ? WHERE request_id = ?",
                status, ts(at), requestId);
    }

    @EventHandler
    void on(IncreaseDecisionOverdue e) {
        jdbc.update("UPDATE monitoring_request SET overdue = TRUE WHERE request_id = ?", e.requestId());
    }
}
