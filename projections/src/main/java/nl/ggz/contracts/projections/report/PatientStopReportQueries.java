package nl.ggz.contracts.projections.report;

import nl.ggz.contracts.domain.contract.PatientStopReason;
import nl.ggz.contracts.jdbc.SqlTime;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;

/**
 * The patient-stop report (DESIGN.md §5) of one insurer, counted from the reporting tables at query time. Seed 003
 * §4.3: insurers mostly did not know whether their providers had instituted a stop; this report shows the stops
 * reported, and the contracts at their ceiling that reported none.
 */
@Component
public class PatientStopReportQueries {

    private static final String OVERLAPS_YEAR =
            StopDuration.overlapsYearSql("s.from_date", "s.to_date", ":yearStart", ":yearEnd");

    private final NamedParameterJdbcTemplate sql;

    public PatientStopReportQueries(JdbcTemplate jdbc) {
        this.sql = new NamedParameterJdbcTemplate(jdbc);
    }

    @QueryHandler
    public PatientStopReport find(FindPatientStopReport query) {
        MapSqlParameterSource parameters = ReportYear.parameters(query.year())
                .addValue("insurer", query.insurer().value());

        List<ReportedStop> stops = sql.query("""
                SELECT s.contract_id, c.provider_agb, s.reason, s.from_date, s.to_date,
                       %s AS duration_days, %s AS bucket
                FROM report_patient_stop s JOIN report_contract c ON c.contract_id = s.contract_id
                WHERE c.insurer_uzovi = :insurer AND %s AND %s
                ORDER BY s.from_date, c.provider_agb, s.contract_id, s.stop_id
                """.formatted(StopDuration.daysSql("s.from_date", "s.to_date"),
                        StopDuration.bucketSql("s.from_date", "s.to_date"), OVERLAPS_YEAR,
                        ReportYear.contractCovers("c")),
                parameters,
                (rs, i) -> new ReportedStop(rs.getString("contract_id"), rs.getString("provider_agb"),
                        rs.getString("reason"), SqlTime.localDate(rs, "from_date"), SqlTime.localDate(rs, "to_date"),
                        (Integer) rs.getObject("duration_days"), rs.getString("bucket")));

        // seed 003 §4.3: of the contracts that reached their ceiling, how many reported a stop — and which did not
        Map<String, Object> atCeiling = sql.queryForMap("""
                SELECT count(*) AS contracts_at_ceiling,
                       count(*) FILTER (WHERE NOT EXISTS (
                           SELECT 1 FROM report_patient_stop s WHERE s.contract_id = e.contract_id AND %s
                       )) AS without_stop
                FROM report_ceiling_exhausted e JOIN report_contract c ON c.contract_id = e.contract_id
                WHERE c.insurer_uzovi = :insurer AND e.contract_year = :year
                """.formatted(OVERLAPS_YEAR),
                parameters);

        Map<String, Long> byReason = Counts.zeros(PatientStopReason.values());
        Map<String, Long> byDuration = Counts.zeros(StopDuration.values());
        for (ReportedStop stop : stops) {
            Counts.add(byReason, stop.reason(), 1);
            Counts.add(byDuration, stop.bucket(), 1);
        }
        return new PatientStopReport(query.insurer().value(), query.year(),
                ((Number) atCeiling.get("contracts_at_ceiling")).longValue(), stops, byReason, byDuration,
                ((Number) atCeiling.get("without_stop")).longValue(),
                byDuration.get(StopDuration.ONGOING.name()));
    }
}
