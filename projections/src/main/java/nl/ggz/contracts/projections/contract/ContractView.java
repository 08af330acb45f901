package nl.ggz.contracts.projections.contract;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A contract as purchasers and providers see it, with its ceilings and patient stops. */
public record ContractView(String contractId,
                           String insurerUzovi,
                           String providerAgb,
                           String providerType,
                           String kind,
                           LocalDate termStart,
                           LocalDate termEnd,
                           List<Integer> settings,
                           BigDecimal tariffPercentage,
                           long ceilingCents,
                           String status,
                           Instant offeredAt,
                           Instant offerExpiresAt,
                           int proposalRound,
                           String lastProposedBy,
                           Instant signedAt,
                           String signedBy,
                           Instant closedAt,
                           String closingReason,
                           LocalDate terminationEffectiveDate,
                           List<Integer> excludedSettings,
                           List<String> excludedPrestatieCodes,
                           List<CeilingRef> ceilings,
                           List<PatientStopView> patientStops) {

    public record CeilingRef(String ceilingId, int year, long ceilingCents) {
    }

    public record PatientStopView(String stopId, String reason, LocalDate from, LocalDate to, Instant announcedAt,
                                  Instant liftedAt) {
    }
}
