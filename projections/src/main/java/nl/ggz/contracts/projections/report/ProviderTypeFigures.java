package nl.ggz.contracts.projections.report;

import java.math.BigDecimal;
import java.util.Map;

/**
 * The contracting-monitor figures of one provider type in one year (seed 003, NZa monitor 2022). Shares are
 * percentages with one decimal, null when their denominator is 0.
 *
 * @param contracts                  signed contracts whose term covers the year (not terminated before it began)
 * @param contractsAtCeiling         of those, contracts whose ceiling of the year was exhausted (§4.1)
 * @param shareAtCeiling             contractsAtCeiling of contracts
 * @param contractsAtCeilingWithStop of those at the ceiling, contracts with a stop because the ceiling was reached
 *                                   ("om die reden een patiëntenstop", §4.3) overlapping the year
 * @param shareAtCeilingWithStop     contractsAtCeilingWithStop of contractsAtCeiling (the NZa found 43 %)
 * @param stopsByReason              stops overlapping the year per reason (§4.3)
 * @param stopsByDuration            the same stops per {@link StopDuration} bucket (§4.3, figures 4 and 5)
 * @param increaseRequests           increase requests on the year's ceilings (§4.2, bijcontractering)
 * @param increaseRequestsHonoured   of those, approved
 * @param increaseRequestsRejected   of those, rejected
 * @param shareHonoured              increaseRequestsHonoured of increaseRequests, as the NZa counts it ("van de 225
 *                                   verzoeken … 36% is gehonoreerd")
 * @param increaseRequestsOverdue    requests whose decision period passed before a decision (decided late or open)
 * @param decisionLeadTimes          requests per {@link DecisionLeadTime} bucket (§4.2, doorlooptijd), counted from
 *                                   the complete request (seed 001)
 * @param rejectionReasons           rejections per reason they name (§4.2: why requests were refused; a rejection
 *                                   naming two reasons counts for both), {@code NONE_STATED} for those naming none
 * @param ceilingsSettled            the year's ceilings whose year was settled (seed 000: afrekening)
 * @param settledPayableCents        what those were finally payable, together
 * @param settledUnpaidCents         what was finally left unpaid above their ceilings, together
 */
public record ProviderTypeFigures(long contracts,
                                  long contractsAtCeiling,
                                  BigDecimal shareAtCeiling,
                                  long contractsAtCeilingWithStop,
                                  BigDecimal shareAtCeilingWithStop,
                                  Map<String, Long> stopsByReason,
                                  Map<String, Long> stopsByDuration,
                                  long increaseRequests,
                                  long increaseRequestsHonoured,
                                  long increaseRequestsRejected,
                                  BigDecimal shareHonoured,
                                  long increaseRequestsOverdue,
                                  Map<String, Long> decisionLeadTimes,
                                  Map<String, Long> rejectionReasons,
                                  long ceilingsSettled,
                                  long settledPayableCents,
                                  long settledUnpaidCents) {
}
