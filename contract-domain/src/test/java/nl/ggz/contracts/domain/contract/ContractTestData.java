package nl.ggz.contracts.domain.contract;

import nl.ggz.contracts.domain.ceiling.CeilingAgreed;
import nl.ggz.contracts.domain.shared.ContractKind;
import nl.ggz.contracts.domain.shared.ContractTerm;
import nl.ggz.contracts.domain.shared.InsurerCode;
import nl.ggz.contracts.domain.shared.Money;
import nl.ggz.contracts.domain.shared.ProviderCode;
import nl.ggz.contracts.domain.shared.ProviderType;
import nl.ggz.contracts.domain.shared.Setting;
import nl.ggz.contracts.domain.shared.TariffPercentage;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** One institution (1-year term) and one independent practitioner (2-year term), offered on 1 October 2026. */
final class ContractTestData {

    static final String CONTRACT_ID = "c-1";
    static final String CEILING_2027 = "c-1-2027";
    static final String CEILING_2028 = "c-1-2028";
    static final InsurerCode INSURER = new InsurerCode("3311");
    static final ProviderCode PROVIDER = new ProviderCode("94001234");
    /** 1 October 2026, 10:00 in Amsterdam (summer time). */
    static final Instant OFFERED_AT = Instant.parse("2026-10-01T08:00:00Z");
    /** 10 November 2026, 17:00 in Amsterdam (winter time). */
    static final Instant EXPIRES_AT = Instant.parse("2026-11-10T16:00:00Z");
    static final Instant SIGNED_AT = Instant.parse("2026-10-20T09:30:00Z");
    static final ContractTerm ONE_YEAR = new ContractTerm(LocalDate.of(2027, 1, 1), LocalDate.of(2027, 12, 31));
    static final ContractTerm TWO_YEARS = new ContractTerm(LocalDate.of(2027, 1, 1), LocalDate.of(2028, 12, 31));
    static final Set<Setting> SETTINGS = Set.of(new Setting(2), new Setting(3));
    static final TariffPercentage TARIFF = TariffPercentage.of("92.50");
    static final Money CEILING = Money.cents(250_000_000);

    private ContractTestData() {
    }

    static ContractTerm termFor(ProviderType type) {
        return type == ProviderType.INDEPENDENT ? TWO_YEARS : ONE_YEAR;
    }

    static OfferContract offer(ProviderType type, ContractKind kind, Instant expiresAt) {
        return new OfferContract(CONTRACT_ID, INSURER, PROVIDER, type, kind, termFor(type), SETTINGS, TARIFF, CEILING,
                expiresAt, OFFERED_AT);
    }

    static OfferContract offer(ProviderType type, ContractTerm term) {
        return new OfferContract(CONTRACT_ID, INSURER, PROVIDER, type, ContractKind.DIGITAL, term, SETTINGS, TARIFF,
                CEILING, EXPIRES_AT, OFFERED_AT);
    }

    static ContractOffered offered(ProviderType type, ContractKind kind) {
        return new ContractOffered(CONTRACT_ID, INSURER, PROVIDER, type, kind, termFor(type), SETTINGS, TARIFF,
                CEILING, OFFERED_AT, EXPIRES_AT);
    }

    static ContractOffered offeredToInstitution() {
        return offered(ProviderType.INSTITUTION, ContractKind.DIGITAL);
    }

    static ContractOffered offeredToIndependent() {
        return offered(ProviderType.INDEPENDENT, ContractKind.DIGITAL);
    }

    static SignContract sign() {
        return new SignContract(CONTRACT_ID, "J. de Vries (director)", SIGNED_AT);
    }

    static ContractSigned signedInstitution() {
        return new ContractSigned(CONTRACT_ID, "J. de Vries (director)", SIGNED_AT, CEILING, TARIFF, SETTINGS,
                List.of(CEILING_2027));
    }

    static ContractSigned signedIndependent() {
        return new ContractSigned(CONTRACT_ID, "J. de Vries (director)", SIGNED_AT, CEILING, TARIFF, SETTINGS,
                List.of(CEILING_2027, CEILING_2028));
    }

    static CeilingAgreed ceilingAgreed(ProviderType type, ContractKind kind, int year, Money ceiling,
                                       Set<Setting> settings) {
        return new CeilingAgreed(CONTRACT_ID + "-" + year, CONTRACT_ID, INSURER, PROVIDER, type, kind, year,
                LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), ceiling, settings);
    }

    static Set<Setting> settings(int... numbers) {
        Set<Setting> set = new java.util.TreeSet<>();
        for (int n : numbers) {
            set.add(new Setting(n));
        }
        return Set.copyOf(set);
    }
}
