package nl.ggz.contracts.projections.ceiling;

import nl.ggz.contracts.domain.ceiling.CeilingBalance;
import nl.ggz.contracts.domain.shared.Money;
import nl.ggz.contracts.jdbc.SqlArrays;
import nl.ggz.contracts.jdbc.SqlTime;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads what CeilingStateProjection writes. */
@Component
public class CeilingQueries {

    private final JdbcTemplate jdbc;

    public CeilingQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    public Optional<CeilingView> find(FindCeiling query) {
        String id = query.ceilingId();
        List<CeilingView.Threshold> thresholds = jdbc.query(
                "SELECT * FROM ceiling_threshold WHERE ceiling_id = ? ORDER BY reached_at, percent",
                (rs, i) -> new CeilingView.Threshold(rs.getInt("percent"), SqlTime.instant(rs, "reached_at"),
                        rs.getLong("counted_cents"), rs.getLong("ceiling_cents"), SqlTime.instant(rs, "cleared_at"),
                        rs.getString("cleared_by_addendum")), id);
        // seed 001: the marks of the ceiling in force
        List<Integer> inForce = thresholds.stream().filter(t -> t.clearedAt() == null)
                .map(CeilingView.Threshold::percent).sorted().toList();
        Map<String, List<CeilingView.InformationRound>> information = new HashMap<>();
        jdbc.query("SELECT * FROM increase_information WHERE ceiling_id = ? ORDER BY asked_at", rs -> {
            information.computeIfAbsent(rs.getString("request_id"), k -> new ArrayList<>())
                    .add(new CeilingView.InformationRound(SqlTime.instant(rs, "asked_at"), rs.getString("question"),
                            SqlTime.instant(rs, "answered_at"), rs.getString("answer")));
        }, id);
        List<CeilingView.IncreaseRequestView> requests = jdbc.query(
                "SELECT * FROM increase_request WHERE ceiling_id = ? ORDER BY requested_at, request_id",
                (rs, i) -> new CeilingView.IncreaseRequestView(rs.getString("request_id"), rs.getLong("amount_cents"),
                        rs.getString("grounds"), SqlArrays.textList(rs, "criteria"), rs.getString("status"),
                        SqlTime.instant(rs, "requested_at"), SqlTime.instant(rs, "complete_at"),
                        SqlTime.instant(rs, "decision_due_at"), rs.getBoolean("overdue"),
                        information.getOrDefault(rs.getString("request_id"), List.of()),
                        SqlTime.instant(rs, "decided_at"), (Long) rs.getObject("approved_cents"),
                        rs.getString("decision_grounds"), SqlArrays.textList(rs, "rejection_reasons"),
                        rs.getString("addendum_id")), id);
        List<CeilingView.AddendumView> addenda = jdbc.query(
                "SELECT * FROM addendum WHERE ceiling_id = ? ORDER BY offered_at",
                (rs, i) -> new CeilingView.AddendumView(rs.getString("addendum_id"), rs.getString("request_id"),
                        rs.getLong("amount_cents"), SqlTime.instant(rs, "offered_at"),
                        SqlTime.instant(rs, "signed_at"), rs.getString("signed_by")), id);
        List<CeilingView.ClawBackView> clawBacks = jdbc.query(
                "SELECT * FROM claw_back WHERE ceiling_id = ? ORDER BY issued_at",
                (rs, i) -> new CeilingView.ClawBackView(rs.getString("claw_back_id"), rs.getLong("amount_cents"),
                        rs.getLong("reclaimed_cents"), rs.getLong("withdrawn_unpaid_cents"),
                        rs.getBoolean("after_settlement"), rs.getString("reason"),
                        SqlArrays.textList(rs, "declaration_ids"), SqlTime.instant(rs, "issued_at")), id);
        return jdbc.query("SELECT * FROM ceiling_state WHERE ceiling_id = ?", (rs, i) -> {
            CeilingBalance balance = new CeilingBalance(Money.cents(rs.getLong("ceiling_cents")),
                    Money.cents(rs.getLong("declared_cents")), Money.cents(rs.getLong("clawed_back_cents")),
                    Money.cents(rs.getLong("withdrawn_unpaid_cents")));
            java.time.Instant settledAt = SqlTime.instant(rs, "settled_at");
            CeilingView.Settlement settlement = settledAt == null ? null : new CeilingView.Settlement(settledAt,
                    rs.getLong("settled_ceiling_cents"), rs.getLong("settled_declared_cents"),
                    rs.getLong("settled_payable_cents"), rs.getLong("settled_unpaid_cents"),
                    rs.getLong("settled_clawed_back_cents"), rs.getLong("settled_withdrawn_unpaid_cents"));
            return new CeilingView(rs.getString("ceiling_id"), rs.getString("contract_id"),
                    rs.getString("insurer_uzovi"), rs.getString("provider_agb"), rs.getInt("contract_year"),
                    rs.getLong("initial_ceiling_cents"), balance.ceiling().cents(), balance.declared().cents(),
                    balance.payable().cents(), balance.unpaid().cents(), balance.clawedBack().cents(),
                    balance.withdrawnUnpaid().cents(), balance.utilisationPercent(), inForce, thresholds,
                    rs.getLong("declarations"), rs.getLong("credits"), settledAt, settlement,
                    rs.getLong("recovered_after_settlement_cents"), requests, addenda, clawBacks);
        }, id).stream().findFirst();
    }
}
