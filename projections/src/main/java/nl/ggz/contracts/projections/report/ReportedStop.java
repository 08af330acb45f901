package nl.ggz.contracts.projections.report;

import java.time.LocalDate;

/**
 * One patient stop in a report: {@code to} and {@code durationDays} are null while it is in force (bucket ONGOING);
 * how the duration is measured is told in {@link StopDuration}.
 */
public record ReportedStop(String contractId, String providerAgb, String reason, LocalDate from, LocalDate to,
                           Integer durationDays, String bucket) {
}
