package nl.ggz.contracts.projections.monitoring;

import nl.ggz.contracts.domain.ceiling.CeilingBalance;
import nl.ggz.contracts.domain.shared.Money;
import nl.ggz.contracts.jdbc.SqlArrays;
import nl.ggz.contracts.jdbc.SqlTime;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static nl.ggz.contracts.jdbc.SqlTime.date;

/** The monitoring views, computed from the monitoring tables at query time. */
@Component
public class MonitoringQueries {

    private final JdbcTemplate jdbc;

    public MonitoringQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    public CeilingMonitoring find(FindCeilingMonitoring query) {
        Map<String, List<ThresholdReached>> thresholds = thresholds(query.insurer(), query.year());
        Map<String, List<OpenIncreaseRequest>> requests = new HashMap<>();
        openRequests(query.insurer(), query.year(), query.now())
                .forEach(r -> requests.computeIfAbsent(r.ceilingId(), k -> new ArrayList<>()).add(r));
        LocalDate today = query.today();
        LocalDate windowStart = YearCourse.runRateStart(query.year(), today);
        Map<String, Long> recent = new HashMap<>();
        jdbc.query("""
                SELECT d.ceiling_id, sum(d.declared_cents - d.clawed_back_cents - d.withdrawn_unpaid_cents) FROM monitoring_day d
                JOIN monitoring_ceiling c ON c.ceiling_id = d.ceiling_id
                WHERE c.insurer_uzovi = ? AND c.contract_year = ? AND d.day BETWEEN ? AND ?
                GROUP BY d.ceiling_id
                """, rs -> {
            recent.put(rs.getString(1), rs.getLong(2));
        }, query.insurer(), query.year(), date(windowStart), date(today));
        long windowDays = Math.max(1, java.time.temporal.ChronoUnit.DAYS.between(windowStart, today) + 1);
        BigDecimal expected = YearCourse.expectedUtilisationPercent(query.year(), today);

        List<CeilingMonitoringRow> rows = jdbc.query("""
                SELECT * FROM monitoring_ceiling
                WHERE insurer_uzovi = ? AND contract_year = ?
                  AND (?::text IS NULL OR provider_agb = ?)
                  AND (?::text IS NULL OR provider_type = ?)
                  AND (?::text IS NULL OR kind = ?)
                """, (rs, i) -> {
            String ceilingId = rs.getString("ceiling_id");
            CeilingBalance balance = new CeilingBalance(Money.cents(rs.getLong("ceiling_cents")),
                    Money.cents(rs.getLong("declared_cents")), Money.cents(rs.getLong("clawed_back_cents")),
                    Money.cents(rs.getLong("withdrawn_unpaid_cents")));
            long recentCents = recent.getOrDefault(ceilingId, 0L);
            BigDecimal utilisation = balance.utilisationPercent();
            return new CeilingMonitoringRow(ceilingId, rs.getString("contract_id"), rs.getString("insurer_uzovi"),
                    rs.getString("provider_agb"), rs.getString("provider_type"), rs.getString("kind"),
                    rs.getInt("contract_year"), rs.getLong("initial_ceiling_cents"), balance.ceiling().cents(),
                    balance.declared().cents(), balance.payable().cents(), balance.unpaid().cents(),
                    balance.clawedBack().cents(), balance.withdrawnUnpaid().cents(), utilisation,
                    thresholds.getOrDefault(ceilingId, List.of()),
                    expected, Pace.of(utilisation, expected), Math.max(0, recentCents) / windowDays,
                    YearCourse.projectedExhaustion(query.year(), today, balance.ceiling().minus(balance.counted()),
                            recentCents),
                    requests.getOrDefault(ceilingId, List.of()), SqlTime.instant(rs, "settled_at"),
                    rs.getLong("recovered_after_settlement_cents"));
        }, query.insurer(), query.year(), query.provider(), query.provider(), query.providerType(),
                query.providerType(), query.kind(), query.kind());

        List<CeilingMonitoringRow> shown = rows.stream()
                .filter(r -> query.minUtilisationPercent() == null
                        || r.utilisationPercent().compareTo(query.minUtilisationPercent()) >= 0)
                .sorted(order(query.sort()))
                .toList();
        return new CeilingMonitoring(query.insurer(), query.year(), totals(shown), shown);
    }

    private static Comparator<CeilingMonitoringRow> order(MonitoringSort sort) {
        Comparator<CeilingMonitoringRow> byId = Comparator.comparing(CeilingMonitoringRow::ceilingId);
        return switch (sort == null ? MonitoringSort.UTILISATION : sort) {
            case UTILISATION -> Comparator.comparing(CeilingMonitoringRow::utilisationPercent).reversed().thenComparing(byId);
            case DECLARED -> Comparator.comparingLong(CeilingMonitoringRow::declaredCents).reversed().thenComparing(byId);
            case PROVIDER -> Comparator.comparing(CeilingMonitoringRow::providerAgb).thenComparing(byId);
            case EXHAUSTION -> Comparator.comparing(CeilingMonitoringRow::projectedExhaustionDate,
                    Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(byId);
        };
    }

    private static MonitoringTotals totals(List<CeilingMonitoringRow> rows) {
        Money initial = Money.ZERO;
        Money ceiling = Money.ZERO;
        Money declared = Money.ZERO;
        Money clawedBack = Money.ZERO;
        Money withdrawn = Money.ZERO;
        long payable = 0;
        long unpaid = 0;
        Map<Integer, Integer> perThreshold = new TreeMap<>();
        int open = 0;
        int overdue = 0;
        int settled = 0;
        for (CeilingMonitoringRow row : rows) {
            initial = initial.plus(Money.cents(row.initialCeilingCents()));
            ceiling = ceiling.plus(Money.cents(row.ceilingCents()));
            declared = declared.plus(Money.cents(row.declaredCents()));
            clawedBack = clawedBack.plus(Money.cents(row.clawedBackCents()));
            withdrawn = withdrawn.plus(Money.cents(row.withdrawnUnpaidCents()));
            // per ceiling, not over the sum: one ceiling's room does not pay another's overrun
            payable += row.payableCents();
            unpaid += row.unpaidCents();
            row.thresholdsReached().forEach(t -> perThreshold.merge(t.percent(), 1, Integer::sum));
            open += row.openIncreaseRequests().size();
            overdue += (int) row.openIncreaseRequests().stream().filter(OpenIncreaseRequest::overdue).count();
            settled += row.settledAt() == null ? 0 : 1;
        }
        BigDecimal utilisation = new CeilingBalance(ceiling, declared, clawedBack, withdrawn).utilisationPercent();
        return new MonitoringTotals(rows.size(), initial.cents(), ceiling.cents(), declared.cents(), payable, unpaid,
                clawedBack.cents(), withdrawn.cents(), utilisation, perThreshold, open, overdue, settled);
    }

    private Map<String, List<ThresholdReached>> thresholds(String insurer, int year) {
        Map<String, List<ThresholdReached>> found = new HashMap<>();
        jdbc.query("""
                SELECT t.ceiling_id, t.percent, t.reached_at FROM monitoring_threshold t
                JOIN monitoring_ceiling c ON c.ceiling_id = t.ceiling_id
                WHERE c.insurer_uzovi = ? AND c.contract_year = ? ORDER BY t.percent
                """, rs -> {
            found.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                    .add(new ThresholdReached(rs.getInt(2), SqlTime.instant(rs, "reached_at")));
        }, insurer, year);
        return found;
    }

    @QueryHandler
    public List<OpenIncreaseRequest> find(FindOpenIncreaseRequests query) {
        return openRequests(query.insurer(), null, query.now());
    }

    /**
     * Open requests: submitted, waiting for information (the clock stopped: no due moment, never overdue by time) or
     * complete again. Overdue once recorded so, or when the due moment has passed.
     */
    private List<OpenIncreaseRequest> openRequests(String insurer, Integer year, Instant now) {
        List<OpenIncreaseRequest> open = jdbc.query("""
                SELECT r.*, c.contract_id, c.provider_agb, c.provider_type, c.kind, c.contract_year
                FROM monitoring_request r JOIN monitoring_ceiling c ON c.ceiling_id = r.ceiling_id
                WHERE r.status IN ('SUBMITTED', 'INFORMATION_REQUESTED', 'COMPLETE') AND c.insurer_uzovi = ?
                  AND (?::int IS NULL OR c.contract_year = ?)
                """, (rs, i) -> {
            Instant requested = SqlTime.instant(rs, "requested_at");
            Instant due = SqlTime.instant(rs, "decision_due_at");
            return new OpenIncreaseRequest(rs.getString("request_id"), rs.getString("ceiling_id"),
                    rs.getString("contract_id"), rs.getString("provider_agb"), rs.getString("provider_type"),
                    rs.getString("kind"), rs.getInt("contract_year"), rs.getLong("amount_cents"),
                    rs.getString("grounds"), SqlArrays.textList(rs, "criteria"), rs.getString("status"), requested,
                    due, Math.max(0, Duration.between(requested, now).toDays()),
                    rs.getBoolean("overdue") || (due != null && now.isAfter(due)));
        }, insurer, year, year);
        return open.stream()
                .sorted(Comparator.comparing(OpenIncreaseRequest::overdue).reversed()
                        .thenComparing(OpenIncreaseRequest::decisionDueAt,
                                Comparator.nullsLast(Comparator.naturalOrder()))
                        // due at the end of a day (issue 15), many share a due moment: the first requested first
                        .thenComparing(OpenIncreaseRequest::requestedAt)
                        .thenComparing(OpenIncreaseRequest::requestId))
                .toList();
    }

    @QueryHandler
    public Optional<CeilingSeries> find(FindCeilingSeries query) {
        record Head(String contractId, int year, long initial) {
        }
        Optional<Head> head = jdbc.query(
                "SELECT contract_id, contract_year, initial_ceiling_cents FROM monitoring_ceiling WHERE ceiling_id = ?",
                (rs, i) -> new Head(rs.getString(1), rs.getInt(2), rs.getLong(3)), query.ceilingId()).stream().findFirst();
        if (head.isEmpty()) {
            return Optional.empty();
        }
        int year = head.get().year();
        long[] declared = new long[13];
        long[] clawedBack = new long[13];
        long[] withdrawn = new long[13];
        long[] raised = new long[13];
        jdbc.query("""
                SELECT EXTRACT(MONTH FROM day)::int, sum(declared_cents), sum(clawed_back_cents),
                    sum(withdrawn_unpaid_cents) FROM monitoring_day
                WHERE ceiling_id = ? AND EXTRACT(YEAR FROM day) = ? GROUP BY 1
                """, rs -> {
            declared[rs.getInt(1)] = rs.getLong(2);
            clawedBack[rs.getInt(1)] = rs.getLong(3);
            withdrawn[rs.getInt(1)] = rs.getLong(4);
        }, query.ceilingId(), year);
        jdbc.query("""
                SELECT signed_on, amount_cents FROM monitoring_raise WHERE ceiling_id = ?
                """, rs -> {
            LocalDate signed = SqlTime.localDate(rs, "signed_on");
            // an addendum signed after the year raises the ceiling of December
            int month = signed.getYear() > year ? 12 : signed.getYear() < year ? 1 : signed.getMonthValue();
            raised[month] += rs.getLong("amount_cents");
        }, query.ceilingId());

        List<CeilingSeries.Month> months = new ArrayList<>();
        Money counted = Money.ZERO;
        Money ceiling = Money.cents(head.get().initial());
        int daysInYear = LocalDate.of(year, 1, 1).lengthOfYear();
        for (int m = 1; m <= 12; m++) {
            counted = counted.plus(Money.cents(declared[m] - clawedBack[m] - withdrawn[m]));
            ceiling = ceiling.plus(Money.cents(raised[m]));
            YearMonth month = YearMonth.of(year, m);
            long evenSpread = ceiling.cents() / daysInYear * month.atEndOfMonth().getDayOfYear()
                    + ceiling.cents() % daysInYear * month.atEndOfMonth().getDayOfYear() / daysInYear;
            months.add(new CeilingSeries.Month(month.toString(), declared[m], clawedBack[m], withdrawn[m],
                    counted.cents(),
                    counted.min(ceiling).max(Money.ZERO).cents(), ceiling.cents(), evenSpread));
        }
        List<ThresholdReached> thresholds = jdbc.query(
                "SELECT percent, reached_at FROM monitoring_threshold WHERE ceiling_id = ? ORDER BY percent",
                (rs, i) -> new ThresholdReached(rs.getInt(1), SqlTime.instant(rs, "reached_at")), query.ceilingId());
        return Optional.of(new CeilingSeries(query.ceilingId(), head.get().contractId(), year, head.get().initial(),
                months, thresholds));
    }
}
