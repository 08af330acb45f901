package nl.ggz.contracts.projections.report;

import java.util.List;
import java.util.Map;

/**
 * DESIGN.md §5 patient-stop report of one insurer for one year, with the signals seed 003 §4.3 asks insurers to have:
 * contracts whose ceiling was exhausted that year without any stop reported for that year
 * ({@code ceilingsExhaustedWithoutStop}), and stops still in force ({@code openStops}).
 *
 * @param contractsAtCeiling contracts of the insurer whose ceiling of this year was exhausted
 * @param stops              every stop that overlaps the year while its contract runs, in order of its first day
 * @param byReason           stops per reason; every reason present, zero included
 * @param byDuration         stops per {@link StopDuration} bucket; every bucket present, zero included
 */
public record PatientStopReport(String insurer,
                                int year,
                                long contractsAtCeiling,
                                List<ReportedStop> stops,
                                Map<String, Long> byReason,
                                Map<String, Long> byDuration,
                                long ceilingsExhaustedWithoutStop,
                                long openStops) {
}
