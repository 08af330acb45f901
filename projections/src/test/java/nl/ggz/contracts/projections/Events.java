package nl.ggz.contracts.projections;

import nl.ggz.contracts.domain.ceiling.AddendumOffered;
import nl.ggz.contracts.domain.ceiling.AddendumSigned;
import nl.ggz.contracts.domain.ceiling.CeilingAgreed;
import nl.ggz.contracts.domain.ceiling.CeilingExhausted;
import nl.ggz.contracts.domain.ceiling.CeilingIds;
import nl.ggz.contracts.domain.ceiling.CeilingThresholdReached;
import nl.ggz.contracts.domain.ceiling.ClawBackIssued;
import nl.ggz.contracts.domain.ceiling.ClawBackShare;
import nl.ggz.contracts.domain.ceiling.DeclarationCredited;
import nl.ggz.contracts.domain.ceiling.DeclarationRecorded;
import nl.ggz.contracts.domain.ceiling.IncreaseApproved;
import nl.ggz.contracts.domain.ceiling.IncreaseRejected;
import nl.ggz.contracts.domain.ceiling.IncreaseRequested;
import nl.ggz.contracts.domain.contract.ContractOffered;
import nl.ggz.contracts.domain.contract.ContractSigned;
import nl.ggz.contracts.domain.contract.PatientStopAnnounced;
import nl.ggz.contracts.domain.contract.PatientStopLifted;
import nl.ggz.contracts.domain.contract.PatientStopReason;
import nl.ggz.contracts.domain.privacy.SealedPseudonym;
import nl.ggz.contracts.domain.shared.ContractKind;
import nl.ggz.contracts.domain.shared.ContractTerm;
import nl.ggz.contracts.domain.shared.InsurerCode;
import nl.ggz.contracts.domain.shared.Money;
import nl.ggz.contracts.domain.shared.PrestatieCode;
import nl.ggz.contracts.domain.shared.ProviderCode;
import nl.ggz.contracts.domain.shared.ProviderType;
import nl.ggz.contracts.domain.shared.Setting;
import nl.ggz.contracts.domain.shared.TariffPercentage;
import nl.ggz.contracts.domain.shared.Tariffs;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

/** Events as the aggregates write them, with plain defaults where a test does not care (settings 2 and 3, 92.50 %). */
public final class Events {

    public static final String INSURER = "3311";
    public static final String PROVIDER = "94001234";
    public static final Set<Setting> SETTINGS = Set.of(new Setting(2), new Setting(3));
    public static final TariffPercentage TARIFF = TariffPercentage.of("92.50");

    private Events() {
    }

    public static Money euros(long cents) {
        return Money.cents(cents);
    }

    /** A DIGITAL offer to an institution of insurer 3311, for one calendar year. */
    public static ContractOffered offered(String contractId, int year, long ceilingCents) {
        return offered(contractId, INSURER, PROVIDER, ProviderType.INSTITUTION, year, year, ceilingCents);
    }

    public static ContractOffered offered(String contractId, String insurer, String provider, ProviderType type,
                                          int firstYear, int lastYear, long ceilingCents) {
        Instant offeredAt = LocalDate.of(firstYear - 1, 10, 1).atStartOfDay().toInstant(java.time.ZoneOffset.UTC);
        return new ContractOffered(contractId, new InsurerCode(insurer), new ProviderCode(provider), type,
                ContractKind.DIGITAL, new ContractTerm(LocalDate.of(firstYear, 1, 1), LocalDate.of(lastYear, 12, 31)),
                SETTINGS, Tariffs.uniform(TARIFF, SETTINGS), euros(ceilingCents), offeredAt,
                offeredAt.plus(java.time.Duration.ofDays(42)), Set.of(), Set.of());
    }

    /** The signature of the offer: one ceiling per calendar year of its term. */
    public static ContractSigned signed(ContractOffered offer, Instant signedAt) {
        List<String> ceilingIds = offer.term().calendarYears().stream()
                .map(year -> CeilingIds.of(offer.contractId(), year)).toList();
        return new ContractSigned(offer.contractId(), "dr. Jansen", signedAt, offer.ceiling(), offer.tariffs(),
                offer.settings(), ceilingIds);
    }

    /** The ceiling of one year of the offered contract, as signing opens it. */
    public static CeilingAgreed agreed(ContractOffered offer, int year) {
        return new CeilingAgreed(CeilingIds.of(offer.contractId(), year), offer.contractId(), offer.insurer(),
                offer.provider(), offer.providerType(), offer.kind(), year, LocalDate.of(year, 1, 1),
                LocalDate.of(year, 12, 31), offer.ceiling(), offer.settings(), Set.of(), Set.of());
    }

    /** Every ceiling the signature opens. */
    public static Object[] agreedAll(ContractOffered offer) {
        return IntStream.rangeClosed(offer.term().start().getYear(), offer.term().end().getYear())
                .mapToObj(year -> agreed(offer, year)).toArray();
    }

    /** A declaration of {@code cents}, {@code payableCents} of it under the ceiling, the rest held unpaid. */
    public static DeclarationRecorded recorded(String ceilingId, String declarationId, long cents, long payableCents,
                                               LocalDate treatmentDate) {
        return new DeclarationRecorded(ceilingId, declarationId, new PrestatieCode("CO0142"), new Setting(2),
                treatmentDate, SealedPseudonym.sealed("c2VhbGVk-" + declarationId, "hash-" + declarationId), euros(cents), euros(payableCents), euros(cents - payableCents),
                false);
    }

    /** A credit of {@code cents} (positive: what is taken off) on an earlier declaration, all of it payable. */
    public static DeclarationCredited credited(String ceilingId, String declarationId, String corrects, long cents,
                                               LocalDate treatmentDate) {
        return new DeclarationCredited(ceilingId, declarationId, corrects, new PrestatieCode("CO0142"), treatmentDate,
                euros(cents), euros(cents), Money.ZERO);
    }

    public static CeilingThresholdReached threshold(String ceilingId, int percent, long countedCents,
                                                    long ceilingCents) {
        return new CeilingThresholdReached(ceilingId, percent, euros(countedCents), euros(ceilingCents), "by-" + percent);
    }

    public static CeilingExhausted exhausted(String ceilingId, long countedCents, long ceilingCents) {
        return new CeilingExhausted(ceilingId, euros(countedCents), euros(ceilingCents), "by-exhaustion");
    }

    /** An increase request whose decision is due four weeks after it was made. */
    public static IncreaseRequested requested(String ceilingId, String requestId, long cents, Instant at) {
        return new IncreaseRequested(ceilingId, requestId, euros(cents), "regional waiting list", at,
                at.plus(java.time.Duration.ofDays(28)));
    }

    public static IncreaseApproved approved(String ceilingId, String requestId, long cents, String addendumId,
                                            Instant at) {
        return new IncreaseApproved(ceilingId, requestId, euros(cents), addendumId, at);
    }

    public static IncreaseRejected rejected(String ceilingId, String requestId, Instant at) {
        return new IncreaseRejected(ceilingId, requestId, "alternatives nearby", at);
    }

    public static AddendumOffered addendumOffered(String ceilingId, String addendumId, String requestId, long cents,
                                                  Instant at) {
        return new AddendumOffered(ceilingId, addendumId, requestId, euros(cents), at);
    }

    public static AddendumSigned addendumSigned(String ceilingId, String addendumId, Instant at, long cents,
                                                long previousCeilingCents, long releasedCents) {
        return new AddendumSigned(ceilingId, addendumId, "dr. Jansen", at, euros(cents), euros(previousCeilingCents),
                euros(previousCeilingCents + cents), euros(releasedCents));
    }

    /** A claw-back charged wholly to one declaration. */
    public static ClawBackIssued clawBack(String ceilingId, String clawBackId, long cents, String declarationId,
                                          Instant at) {
        return new ClawBackIssued(ceilingId, clawBackId, euros(cents), "care not delivered",
                List.of(new ClawBackShare(declarationId, euros(cents))), at);
    }

    public static PatientStopAnnounced stopAnnounced(String contractId, String stopId, PatientStopReason reason,
                                                     LocalDate from) {
        return new PatientStopAnnounced(contractId, stopId, reason, from, from.atStartOfDay()
                .toInstant(java.time.ZoneOffset.UTC));
    }

    public static PatientStopLifted stopLifted(String contractId, String stopId, PatientStopReason reason,
                                               LocalDate from, LocalDate to) {
        return new PatientStopLifted(contractId, stopId, reason, from, to, to.atStartOfDay()
                .toInstant(java.time.ZoneOffset.UTC));
    }
}
