package nl.ggz.contracts.projections.ceiling;

import nl.ggz.contracts.jdbc.TableOwner;
import nl.ggz.contracts.domain.ceiling.AddendumOffered;
import nl.ggz.contracts.domain.ceiling.AddendumSigned;
import nl.ggz.contracts.domain.ceiling.CeilingAgreed;
import nl.ggz.contracts.domain.ceiling.CeilingExhausted;
import nl.ggz.contracts.domain.ceiling.CeilingThresholdReached;
import nl.ggz.contracts.domain.ceiling.ClawBackIssued;
import nl.ggz.contracts.domain.ceiling.ContractTerminationApplied;
import nl.ggz.contracts.domain.ceiling.DeclarationCredited;
import nl.ggz.contracts.domain.ceiling.DeclarationRecorded;
import nl.ggz.contracts.domain.ceiling.IncreaseApproved;
import nl.ggz.contracts.domain.ceiling.IncreaseDecisionOverdue;
import nl.ggz.contracts.domain.ceiling.IncreaseRejected;
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
        return List.of("ceiling_state", "ceiling_threshold", "increase_request", "addendum", "claw_back");
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

    @EventHandler
    void on(IncreaseRequested e) {
        jdbc.update("""
                INSERT INTO increase_request (request_id, ceiling_id, amount_cents, grounds, status, requested_at,
                    decision_due_at) VALUES (?, ?, ?, ?, 'REQUESTED', ?, ?)
                """, e.requestId(), e.ceilingId(), e.amount().cents(), e.grounds(), ts(e.requestedAt()),
                ts(e.decisionDueAt()));
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
                UPDATE increase_request SET status = 'REJECTED', decided_at = ?, decision_grounds = ? WHERE request_id = ?
                """, ts(e.decidedAt()), e.grounds(), e.requestId());
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

    @EventHandler
    void on(ClawBackIssued e) {
        jdbc.update("""
                INSERT INTO claw_back (claw_back_id, ceiling_id, amount_cents, reason, declaration_ids, issued_at)
                VALUES (?, ?, ?, ?, ?::text[], ?)
                """, e.clawBackId(), e.ceilingId(), e.amount().cents(), e.reason(), SqlArrays.texts(e.declarationIds()),
                ts(e.issuedAt()));
        jdbc.update("UPDATE ceiling_state SET clawed_back_cents = clawed_back_cents + ? WHERE ceiling_id = ?",
                e.amount().cents(), e.ceilingId());
    }

    @EventHandler
    void on(ContractTerminationApplied e) {
        jdbc.update("UPDATE ceiling_state SET last_care_date = ? WHERE ceiling_id = ?",
                date(e.lastCareDate()), e.ceilingId());
    }

}
