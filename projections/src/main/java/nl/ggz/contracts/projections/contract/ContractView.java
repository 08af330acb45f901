package nl.ggz.contracts.projections.contract;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A contract as purchasers and providers see it, with its ceilings and patient stops.
 *
 * @param tariffPercentage      the one tariff of every setting; null when they differ (see tariffPercentages)
 * @param tariffPercentages     the tariff per setting, by setting number (seed 001)
 * @param lastProposedBy        PURCHASER or PROVIDER: who made the proposal on the table; null while it is the offer
 * @param proposalAccepted      whether the insurer accepted the provider's proposal on the table
 * @param awaitingAcceptance    the provider's proposal on the table waits for the insurer: signing answers 409 until
 *                              the purchaser accepts it or proposes again
 * @param proposalAnswerDueAt   when the insurer must have answered the provider's proposal on the table (seed 002 §6.3)
 * @param proposalAnswerOverdue the insurer did not answer it in time
 * @param exclusions            every setting and prestatie left out, by the offer or an amendment, with the first day
 *                              of care it holds for
 * @param renewalOf             the contract this offer renews (seed 001: the next term offered from it); null when
 *                              offered on its own
 * @param renewedAs             the offer of the next term made from this contract; null until it is renewed
 */
public record ContractView(String contractId,
                           String insurerUzovi,
                           String providerAgb,
                           String providerType,
                           String kind,
                           LocalDate termStart,
                           LocalDate termEnd,
                           List<Integer> settings,
                           BigDecimal tariffPercentage,
                           Map<String, BigDecimal> tariffPercentages,
                           long ceilingCents,
                           String status,
                           Instant offeredAt,
                           Instant offerExpiresAt,
                           int proposalRound,
                           String lastProposedBy,
                           boolean proposalAccepted,
                           Instant acceptedAt,
                           String acceptedBy,
                           boolean awaitingAcceptance,
                           Instant proposalAnswerDueAt,
                           boolean proposalAnswerOverdue,
                           Instant signedAt,
                           String signedBy,
                           Instant closedAt,
                           String closingReason,
                           LocalDate terminationEffectiveDate,
                           List<Integer> excludedSettings,
                           List<String> excludedPrestatieCodes,
                           List<Exclusion> exclusions,
                           List<CeilingRef> ceilings,
                           List<PatientStopView> patientStops,
                           String renewalOf,
                           String renewedAs) {

    /**
     * A setting or a prestatie left out, for care from {@code from} on; {@code amendedAt} null when the offer left it
     * out, {@code backdatingReason} the purchaser's reason for an amendment that took effect before the day it was
     * made.
     */
    public record Exclusion(Integer setting, String prestatieCode, LocalDate from, Instant amendedAt,
                            String backdatingReason) {
    }

    /** A ceiling of the contract, one per calendar year; {@code settledAt}: the year was settled (seed 000). */
    public record CeilingRef(String ceilingId, int year, long ceilingCents, Instant settledAt) {
    }

    public record PatientStopView(String stopId, String reason, LocalDate from, LocalDate to, Instant announcedAt,
                                  Instant liftedAt) {
    }
}
