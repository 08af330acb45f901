package nl.ggz.contracts.projections.monitoring;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The monitoring rows of one insurer and contract year; the other filters are optional (null matches all).
 *
 * @param sort one of {@link MonitoringSort}
 */
public record FindCeilingMonitoring(String insurer, int year, String provider, String providerType,
                                    String kind, BigDecimal minUtilisationPercent, MonitoringSort sort,
                                    LocalDate today, Instant now) {
}
