package nl.ggz.contracts.projections.ceiling;

import nl.ggz.contracts.jdbc.TableOwner;
import nl.ggz.contracts.domain.ceiling.AddendumOffered;
import nl.ggz.contracts.domain.ceiling.AddendumSigned;
import nl.ggz.contracts.domain.ceiling.CeilingAgreed;
import nl.ggz.contracts.domain.ceiling.CeilingExhausted;
import nl.ggz.contracts.domain.ceiling.CeilingSettled;
import nl.ggz.contracts.domain.ceiling.CeilingThresholdReached;
import nl.ggz.contracts.domain.ceiling.CeilingThresholdsCleared;
import nl.ggz.contracts.domain.ceiling.ClawBackIssued;
import nl.ggz.contracts.domain.ceiling.ContractTerminationApplied;
import nl.ggz.contracts.domain.ceiling.DeclarationCredited;
import nl.ggz.contracts.domain.ceiling.DeclarationRecorded;
import nl.ggz.contracts.domain.ceiling.IncreaseApproved;
import nl.ggz.contracts.domain.ceiling.IncreaseDecisionOverdue;
import nl.ggz.contracts.domain.ceiling.IncreaseInformationRequested;
import nl.ggz.contracts.domain.ceiling.IncreaseRejected;
import nl.ggz.contracts.domain.ceiling.IncreaseRequestCompleted;
import nl.ggz.contracts.domain.ceiling.IncreaseRequested;
import nl.ggz.contracts.jdbc.CommitBatch;
import nl.ggz.contracts.jdbc.SqlArrays;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;

import static nl.ggz.contracts.jdbc.SqlTime.date;
import static nl.ggz.contracts.jdbc.SqlTime.ts;

/** Current figures of every ceiling, written with its events (read-your-writes for the claims system). */
@Component
@ProcessingGroup(CeilingStateProjection.PROCESSING_GROUP)
public class CeilingStateProjection implements TableOwner {

    public static final String PROCESSING_GROUP = "ceiling-state";

    @Override
    public List<String> tables() {
        return List.of("ceiling_state", "ceiling_threshold", "increase_request", "increase_information", "addendum",
                "claw_back");
    }

    private final JdbcTemplate jdbc;
    /** Declared totals change with every declaration: added up per transaction (see {@link CommitBatch}). */
    private final CommitBatch totals;

    public CeilingStateProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.totals = new CommitBatch(jdbc);
    }

    @EventHandler
    void on(CeilingAgreed e) {
        jdbc.update("""
                INSERT INTO ceiling_state (ceiling_id, contract_id, insurer_uzovi, provider_agb, provider_type, kind,
                    contract_year, initial_ceiling_cents, ceiling_cents, last_care_date)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
                e.ceilingId(), e.contractId(), e.insurer().value(), e.provider().value(), e.providerType().name(),
                e.kind().name(), e.year(), e.initialCeiling().cents(), e.initialCeiling().cents(),
                date(e.periodEnd()));
    }

    @EventHandler
    void on(DeclarationRecorded e) {
        totals.merge(ADD_DECLARED, e.ceilingId(), new Declared(e.ceilingId(), e.amount().cents(), 1, 0));
    }

    @EventHandler
    void on(DeclarationCredited e) {
        totals.merge(ADD_DECLARED, e.ceilingId(), new Declared(e.ceilingId(), -e.amount().cents(), 0, 1));
    }

    private static final String ADD_DECLARED = """
            WITH d (ceiling_id, cents, declarations, credits) AS (VALUES (?, ?::bigint, ?::bigint, ?::bigint))
            UPDATE ceiling_state c SET declared_cents = c.declared_cents + d.cents,
                declarations = c.declarations + d.declarations, credits = c.credits + d.credits
            FROM d WHERE c.ceiling_id = d.ceiling_id
            """;

    /** A transaction's declarations on one ceiling, added to its totals in one update. */
    private record Declared(String ceilingId, long cents, long declarations, long credits)
            implements CommitBatch.Row<Declared> {
        @Override
        public Declared plus(Declared other) {
            return new Declared(ceilingId, cents + other.cents, declarations + other.declarations,
                    credits + other.credits);
        }

        @Override
        public Object[] parameters() {
            return new Object[]{ceilingId, cents, declarations, credits};
        }
    }

    @EventHandler
    void on(CeilingThresholdReached e, @Timestamp Instant at) {
        jdbc.update("""
                INSERT INTO ceiling_threshold (ceiling_id, percent, reached_at, counted_cents, ceiling_cents)
                VALUES (?, ?, ?, ?, ?)
                """, e.ceilingId(), e.percent(), ts(at), e.counted().cents(), e.ceiling().cents());
    }

    @EventHandler
    void on(CeilingExhausted e, @Timestamp Instant at) {
        jdbc.update("UPDATE ceiling_state SET exhausted_at = ? WHERE ceiling_id = ?", ts(at), e.ceilingId());
    }

    /** Seed 001: the marks are those of the ceiling in force; what a raise left unreached is kept, as cleared. */
    @EventHandler
    void on(CeilingThresholdsCleared e, @Timestamp Instant at) {
        jdbc.update("""
                UPDATE ceiling_threshold SET cleared_at = ?, cleared_by_addendum = ?
                WHERE ceiling_id = ? AND percent = ANY (?::integer[]) AND cleared_at IS NULL
                """, ts(at), e.addendumId(), e.ceilingId(), SqlArrays.ints(e.percents()));
        if (e.exhaustionCleared()) {
            jdbc.update("UPDATE ceiling_state SET exhausted_at = NULL WHERE ceiling_id = ?", e.ceilingId());
        }
    }

    @EventHandler
    void on(IncreaseRequested e) {
        jdbc.update("""
                INSERT INTO increase_request (request_id, ceiling_id, amount_cents, grounds, criteria, status,
                    requested_at, complete_at, decision_due_at) VALUES (?, ?, ?, ?, ?::text[], 'SUBMITTED', ?, ?, ?)
                """, e.requestId(), e.ceilingId(), e.amount().cents(), e.grounds(), SqlArrays.texts(
                        e.criteria().stream().map(Enum::name).toList()), ts(e.requestedAt()), ts(e.requestedAt()),
                ts(e.decisionDueAt()));
    }

    /** Seed 001: more information asked for; the request is not complete and the decision clock stops. */
    @EventHandler
    void on(IncreaseInformationRequested e) {
        jdbc.update("""
                UPDATE increase_request SET status = 'INFORMATION_REQUESTED', decision_due_at = NULL
                WHERE request_id = ?
                """, e.requestId());
        jdbc.update("""
                INSERT INTO increase_information (request_id, ceiling_id, asked_at, question) VALUES (?, ?, ?, ?)
                """, e.requestId(), e.ceilingId(), ts(e.requestedAt()), e.question());
    }

    @EventHandler
    void on(IncreaseRequestCompleted e) {
        jdbc.update("""
                UPDATE increase_request SET status = 'COMPLETE', complete_at = ?, decision_due_at = ?
                WHERE request_id = ?
                """, ts(e.completedAt()), ts(e.decisionDueAt()), e.requestId());
        jdbc.update("""
                UPDATE increase_information SET answered_at = ?, answer = ?
                WHERE request_id = ? AND answered_at IS NULL
                """, ts(e.completedAt()), e.information(), e.requestId());
    }

    @EventHandler
    void on(IncreaseApproved e) {
        jdbc.update("""
                UPDATE increase_request SET status = 'APPROVED', decided_at = ?, approved_cents = ?, addendum_id = ?
                WHERE request_id = ?
                """, ts(e.decidedAt()), e.amount().cents(), e.addendumId(), e.requestId());
    }

    @EventHandler
    void on(IncreaseRejected e) {
        jdbc.update("""
                UPDATE increase_request SET status = 'REJECTED', decided_at = ?, decision_grounds = ?,
                    rejection_reasons = ?::text[]
                WHERE request_id = ?
                """, ts(e.decidedAt()), e.grounds(), SqlArrays.texts(e.reasons().stream().map(Enum::name).toList()),
                e.requestId());
    }

    @EventHandler
    void on(IncreaseDecisionOverdue e) {
        jdbc.update("UPDATE increase_request SET overdue = TRUE WHERE request_id = ?", e.requestId());
    }

    @EventHandler
    void on(AddendumOffered e) {
        jdbc.update("""
                INSERT INTO addendum (addendum_id, ceiling_id, request_id, amount_cents, offered_at) VALUES (?, ?, ?, ?, ?)
                """, e.addendumId(), e.ceilingId(), e.requestId(), e.amount().cents(), ts(e.offeredAt()));
    }

    @EventHandler
    void on(AddendumSigned e) {
        jdbc.update("UPDATE addendum SET signed_at = ?, signed_by = ? WHERE addendum_id = ?",
                ts(e.signedAt()), e.signedBy(), e.addendumId());
        jdbc.update("UPDATE ceiling_state SET ceiling_cents = ? WHERE ceiling_id = ?",
                e.newCeiling().cents(), e.ceilingId());
    }

    /**
     * Seed 000 ⓴: a claw-back reclaims what was paid; what it took off the amounts held unpaid above the ceiling is
     * withdrawn, not clawed back. After settlement it is a recovery on the settled year.
     */
    @EventHandler
    void on(ClawBackIssued e) {
        jdbc.update("""
                INSERT INTO claw_back (claw_back_id, ceiling_id, amount_cents, reason, declaration_ids, issued_at,
                    reclaimed_cents, withdrawn_unpaid_cents, after_settlement)
                VALUES (?, ?, ?, ?, ?::text[], ?, ?, ?, ?)
                """, e.clawBackId(), e.ceilingId(), e.amount().cents(), e.reason(), SqlArrays.texts(e.declarationIds()),
                ts(e.issuedAt()), e.payableReduction().cents(), e.unpaidReduction().cents(), e.afterSettlement());
        jdbc.update("""
                UPDATE ceiling_state SET clawed_back_cents = clawed_back_cents + ?,
                    withdrawn_unpaid_cents = withdrawn_unpaid_cents + ?,
                    recovered_after_settlement_cents = recovered_after_settlement_cents + ?
                WHERE ceiling_id = ?
                """, e.payableReduction().cents(), e.unpaidReduction().cents(),
                e.afterSettlement() ? e.payableReduction().cents() : 0L, e.ceilingId());
    }

    /** Seed 000: the year is closed with these figures; only recoveries (claw-backs) come after. */
    @EventHandler
    void on(CeilingSettled e) {
        jdbc.update("""
                UPDATE ceiling_state SET settled_at = ?, settled_ceiling_cents = ?, settled_declared_cents = ?,
                    settled_payable_cents = ?, settled_unpaid_cents = ?, settled_clawed_back_cents = ?,
                    settled_withdrawn_unpaid_cents = ?
                WHERE ceiling_id = ?
                """, ts(e.settledAt()), e.ceiling().cents(), e.declared().cents(), e.payable().cents(),
                e.unpaid().cents(), e.clawedBack().cents(), e.withdrawnUnpaid().cents(), e.ceilingId());
    }

    @EventHandler
    void on(ContractTerminationApplied e) {
        jdbc.update("UPDATE ceiling_state SET last_care_date = ? WHERE ceiling_id = ?",
                date(e.lastCareDate()), e.ceilingId());
    }

}
