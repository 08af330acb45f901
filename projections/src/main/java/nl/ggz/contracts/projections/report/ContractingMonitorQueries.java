package nl.ggz.contracts.projections.report;

import nl.ggz.contracts.domain.ceiling.RejectionReason;
import nl.ggz.contracts.domain.contract.PatientStopReason;
import nl.ggz.contracts.domain.shared.ProviderType;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The NZa contracting-monitor figures (seed 003, monitor 2022) per provider type for one contract year, across all
 * insurers, counted by SQL over the reporting tables at query time.
 */
@Component
public class ContractingMonitorQueries {

    /** DESIGN.md §5 order; every type is always present. */
    private static final List<ProviderType> TYPES =
            List.of(ProviderType.INSTITUTION, ProviderType.INDEPENDENT, ProviderType.HOSPITAL_WARD);

    private static final String OVERLAPS_YEAR =
            StopDuration.overlapsYearSql("s.from_date", "s.to_date", ":yearStart", ":yearEnd");

    /** A rejection stored before rejections named reasons. */
    static final String NONE_STATED = "NONE_STATED";

    private final NamedParameterJdbcTemplate sql;

    public ContractingMonitorQueries(JdbcTemplate jdbc) {
        this.sql = new NamedParameterJdbcTemplate(jdbc);
    }

    @QueryHandler
    public ContractingMonitor find(FindContractingMonitor query) {
        MapSqlParameterSource parameters = ReportYear.parameters(query.year())
                .addValue("ceilingReached", PatientStopReason.CEILING_REACHED.name());
        Map<String, Tally> tallies = new LinkedHashMap<>();
        TYPES.forEach(type -> tallies.put(type.name(), new Tally()));

        // seed 003 §4.1, §4.3: the year's contracts, those that ran into their ceiling, and of those the ones that
        // instituted a patient stop for that reason (ReportYear.contractCovers: which contracts are the year's).
        sql.query("""
                SELECT c.provider_type,
                       count(*) AS contracts,
                       count(e.contract_id) AS at_ceiling,
                       count(e.contract_id) FILTER (WHERE EXISTS (
                           SELECT 1 FROM report_patient_stop s
                           WHERE s.contract_id = c.contract_id AND s.reason = :ceilingReached AND %s
                       )) AS at_ceiling_with_stop
                FROM report_contract c
                LEFT JOIN report_ceiling_exhausted e ON e.contract_id = c.contract_id AND e.contract_year = :year
                WHERE %s
                GROUP BY c.provider_type
                """.formatted(OVERLAPS_YEAR, ReportYear.contractCovers("c")),
                parameters,
                rs -> {
                    Tally tally = tallies.get(rs.getString("provider_type"));
                    tally.contracts = rs.getLong("contracts");
                    tally.atCeiling = rs.getLong("at_ceiling");
                    tally.atCeilingWithStop = rs.getLong("at_ceiling_with_stop");
                });

        // seed 003 §4.3, figures 4 and 5: stops by reason and by duration; a stop counts for every year it overlaps
        // while its contract runs (a stop never lifted does not count on after the contract ended)
        sql.query("""
                SELECT c.provider_type, s.reason, %s AS bucket, count(*) AS stops
                FROM report_patient_stop s JOIN report_contract c ON c.contract_id = s.contract_id
                WHERE %s AND %s
                GROUP BY 1, 2, 3
                """.formatted(StopDuration.bucketSql("s.from_date", "s.to_date"), OVERLAPS_YEAR,
                        ReportYear.contractCovers("c")),
                parameters,
                rs -> {
                    Tally tally = tallies.get(rs.getString("provider_type"));
                    Counts.add(tally.stopsByReason, rs.getString("reason"), rs.getLong("stops"));
                    Counts.add(tally.stopsByDuration, rs.getString("bucket"), rs.getLong("stops"));
                });

        // seed 003 §4.2: increase requests on the year's ceilings, the share honoured, and how long decisions took
        // (from the complete request, seed 001)
        sql.query("""
                SELECT c.provider_type, r.decision, %s AS lead_time, count(*) AS requests,
                       count(*) FILTER (WHERE r.overdue) AS overdue
                FROM report_increase_request r JOIN report_contract c ON c.contract_id = r.contract_id
                WHERE r.contract_year = :year
                GROUP BY 1, 2, 3
                """.formatted(DecisionLeadTime.bucketSql("r.complete_at", "r.decided_at")),
                parameters,
                rs -> {
                    Tally tally = tallies.get(rs.getString("provider_type"));
                    long requests = rs.getLong("requests");
                    tally.requests += requests;
                    tally.overdue += rs.getLong("overdue");
                    String decision = rs.getString("decision");
                    if (IncreaseDecision.APPROVED.name().equals(decision)) {
                        tally.honoured += requests;
                    } else if (IncreaseDecision.REJECTED.name().equals(decision)) {
                        tally.rejected += requests;
                    }
                    Counts.add(tally.leadTimes, rs.getString("lead_time"), requests);
                });

        // seed 003 §4.2: why requests were refused — a rejection counts once for every reason it names
        sql.query("""
                SELECT c.provider_type, coalesce(reason, :noneStated) AS reason, count(*) AS rejections
                FROM report_increase_request r JOIN report_contract c ON c.contract_id = r.contract_id
                LEFT JOIN LATERAL unnest(r.rejection_reasons) AS reason ON TRUE
                WHERE r.contract_year = :year AND r.decision = :rejected
                GROUP BY 1, 2
                """,
                parameters.addValue("noneStated", NONE_STATED).addValue("rejected", IncreaseDecision.REJECTED.name()),
                rs -> {
                    Counts.add(tallies.get(rs.getString("provider_type")).rejectionReasons, rs.getString("reason"),
                            rs.getLong("rejections"));
                });

        // seed 000: the year's ceilings settled (afrekening), with what was finally payable and left unpaid
        sql.query("""
                SELECT c.provider_type, count(*) AS settled, sum(s.payable_cents) AS payable,
                       sum(s.unpaid_cents) AS unpaid
                FROM report_ceiling_settled s JOIN report_contract c ON c.contract_id = s.contract_id
                WHERE s.contract_year = :year
                GROUP BY 1
                """,
                parameters,
                rs -> {
                    Tally tally = tallies.get(rs.getString("provider_type"));
                    tally.settled = rs.getLong("settled");
                    tally.settledPayable = rs.getLong("payable");
                    tally.settledUnpaid = rs.getLong("unpaid");
                });

        Map<String, ProviderTypeFigures> byType = new LinkedHashMap<>();
        tallies.forEach((type, tally) -> byType.put(type, tally.figures()));
        return new ContractingMonitor(query.year(), byType);
    }

    /** The figures of one provider type while they are being counted. */
    private static final class Tally {
        long contracts;
        long atCeiling;
        long atCeilingWithStop;
        final Map<String, Long> stopsByReason = Counts.zeros(PatientStopReason.values());
        final Map<String, Long> stopsByDuration = Counts.zeros(StopDuration.values());
        long requests;
        long honoured;
        long rejected;
        long overdue;
        final Map<String, Long> leadTimes = Counts.zeros(DecisionLeadTime.values());
        final Map<String, Long> rejectionReasons = rejectionReasonZeros();
        long settled;
        long settledPayable;
        long settledUnpaid;

        ProviderTypeFigures figures() {
            return new ProviderTypeFigures(contracts, atCeiling, Share.percent(atCeiling, contracts),
                    atCeilingWithStop, Share.percent(atCeilingWithStop, atCeiling), stopsByReason, stopsByDuration,
                    requests, honoured, rejected, Share.percent(honoured, requests), overdue, leadTimes,
                    rejectionReasons, settled, settledPayable, settledUnpaid);
        }

        private static Map<String, Long> rejectionReasonZeros() {
            Map<String, Long> zeros = Counts.zeros(RejectionReason.values());
            zeros.put(NONE_STATED, 0L);
            return zeros;
        }
    }
}
