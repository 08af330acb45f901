package nl.ggz.contracts.projections.ceiling;

import nl.ggz.contracts.jdbc.TableOwner;
import nl.ggz.contracts.domain.ceiling.AddendumOffered;
import nl.ggz.contracts.domain.ceiling.AddendumSigned;
import nl.ggz.contracts.domain.ceiling.CeilingAgreed;
import nl.ggz.contracts.domain.ceiling.CeilingBalance;
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
import nl.ggz.contracts.domain.shared.Money;
import nl.ggz.contracts.jdbc.CommitBatch;
import nl.ggz.contracts.jdbc.SqlArrays;
import nl.ggz.contracts.jdbc.SqlTime;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

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

    @QueryHandler
    public Optional<CeilingView> find(FindCeiling query) {
        String id = query.ceilingId();
        List<CeilingView.Threshold> thresholds = jdbc.query(
                "SELECT * FROM ceiling_threshold WHERE ceiling_id = ? ORDER BY percent",
                (rs, i) -> new CeilingView.Threshold(rs.getInt("percent"), SqlTime.instant(rs, "reached_at"),
                        rs.getLong("counted_cents"), rs.getLong("ceiling_cents")), id);
        List<CeilingView.IncreaseRequestView> requests = jdbc.query(
                "SELECT * FROM increase_request WHERE ceiling_id = ? ORDER BY requested_at",
                (rs, i) -> new CeilingView.IncreaseRequestView(rs.getString("request_id"), rs.getLong("amount_cents"),
                        rs.getString("grounds"), rs.getString("status"), SqlTime.instant(rs, "requested_at"),
                        SqlTime.instant(rs, "decision_due_at"), rs.getBoolean("overdue"),
                        SqlTime.instant(rs, "decided_at"), (Long) rs.getObject("approved_cents"),
                        rs.getString("decision_grounds"), rs.getString("addendum_id")), id);
        List<CeilingView.AddendumView> addenda = jdbc.query(
                "SELECT * FROM addendum WHERE ceiling_id = ? ORDER BY offered_at",
                (rs, i) -> new CeilingView.AddendumView(rs.getString("addendum_id"), rs.getString("request_id"),
                        rs.getLong("amount_cents"), SqlTime.instant(rs, "offered_at"),
                        SqlTime.instant(rs, "signed_at"), rs.getString("signed_by")), id);
        List<CeilingView.ClawBackView> clawBacks = jdbc.query(
                "SELECT * FROM claw_back WHERE ceiling_id = ? ORDER BY issued_at",
                (rs, i) -> new CeilingView.ClawBackView(rs.getString("claw_back_id"), rs.getLong("amount_cents"),
                        rs.getString("reason"), SqlArrays.textList(rs, "declaration_ids"),
                        SqlTime.instant(rs, "issued_at")), id);
        return jdbc.query("SELECT * FROM ceiling_state WHERE ceiling_id = ?", (rs, i) -> {
            CeilingBalance balance = new CeilingBalance(Money.cents(rs.getLong("ceiling_cents")),
                    Money.cents(rs.getLong("declared_cents")), Money.cents(rs.getLong("clawed_back_cents")));
            return new CeilingView(rs.getString("ceiling_id"), rs.getString("contract_id"),
                    rs.getString("insurer_uzovi"), rs.getString("provider_agb"), rs.getInt("contract_year"),
                    rs.getLong("initial_ceiling_cents"), balance.ceiling().cents(), balance.declared().cents(),
                    balance.payable().cents(), balance.unpaid().cents(), balance.clawedBack().cents(),
                    balance.utilisationPercent(),
                    thresholds.stream().map(CeilingView.Threshold::percent).toList(), thresholds,
                    rs.getLong("declarations"), rs.getLong("credits"), requests, addenda, clawBacks);
        }, id).stream().findFirst();
    }
}
