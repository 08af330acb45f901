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
import nl.ggz.contracts.domain.shared.Tariffs;
import nl.ggz.contracts.domain.ceiling.InMemoryDeclarationLedger;
import nl.ggz.contracts.domain.policy.FakePurchasingPolicies;
import org.axonframework.test.aggregate.AggregateTestFixture;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * One institution (1-year term, settings 2 and 3) and one independent practitioner (2-year term, setting 1: seed 001,
 * independents are contracted for setting 1 only), offered on 1 October 2026.
 */
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
    /** Seed 001: "voor vrijgevestigden ... alleen zorg in voor setting 1". */
    static final Set<Setting> INDEPENDENT_SETTINGS = Set.of(new Setting(1));
    static final TariffPercentage TARIFF = TariffPercentage.of("92.50");
    static final Tariffs TARIFFS = Tariffs.uniform(TARIFF, SETTINGS);
    static final Tariffs INDEPENDENT_TARIFFS = Tariffs.uniform(TARIFF, INDEPENDENT_SETTINGS);
    static final Money CEILING = Money.cents(250_000_000);

    private ContractTestData() {
    }

    /** A fixture of the contract with its ports: the policies given, no year claimed yet, no care accepted yet. */
    static AggregateTestFixture<Contract> fixture(FakePurchasingPolicies policies) {
        return fixture(policies, new InMemoryContractClaims(), new InMemoryDeclarationLedger());
    }

    static AggregateTestFixture<Contract> fixture(FakePurchasingPolicies policies, InMemoryContractClaims claims,
                                                  InMemoryDeclarationLedger ledger) {
        AggregateTestFixture<Contract> fixture = new AggregateTestFixture<>(Contract.class);
        fixture.registerInjectableResource(policies);
        fixture.registerInjectableResource(claims);
        fixture.registerInjectableResource(ledger);
        return fixture;
    }

    static ContractTerm termFor(ProviderType type) {
        return type == ProviderType.INDEPENDENT ? TWO_YEARS : ONE_YEAR;
    }

    static Set<Setting> settingsFor(ProviderType type) {
        return type == ProviderType.INDEPENDENT ? INDEPENDENT_SETTINGS : SETTINGS;
    }

    static Tariffs tariffsFor(ProviderType type) {
        return type == ProviderType.INDEPENDENT ? INDEPENDENT_TARIFFS : TARIFFS;
    }

    static OfferContract offer(ProviderType type, ContractKind kind, Instant expiresAt) {
        return new OfferContract(CONTRACT_ID, INSURER, PROVIDER, type, kind, termFor(type), settingsFor(type), TARIFF,
                CEILING, expiresAt, OFFERED_AT);
    }

    static OfferContract offer(ProviderType type, ContractTerm term) {
        return new OfferContract(CONTRACT_ID, INSURER, PROVIDER, type, ContractKind.DIGITAL, term, settingsFor(type),
                TARIFF, CEILING, EXPIRES_AT, OFFERED_AT);
    }

    static ContractOffered offered(ProviderType type, ContractKind kind) {
        return offered(type, kind, termFor(type), EXPIRES_AT);
    }

    /** Offered with one tariff for every setting and nothing left out. */
    static ContractOffered offered(ProviderType type, ContractKind kind, ContractTerm term, Instant expiresAt) {
        return new ContractOffered(CONTRACT_ID, INSURER, PROVIDER, type, kind, term, settingsFor(type),
                tariffsFor(type), CEILING, OFFERED_AT, expiresAt, Set.of(), Set.of());
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
        return new ContractSigned(CONTRACT_ID, "J. de Vries (director)", SIGNED_AT, CEILING, TARIFFS, SETTINGS,
                List.of(CEILING_2027));
    }

    static ContractSigned signedIndependent() {
        return new ContractSigned(CONTRACT_ID, "J. de Vries (director)", SIGNED_AT, CEILING, INDEPENDENT_TARIFFS,
                INDEPENDENT_SETTINGS, List.of(CEILING_2027, CEILING_2028));
    }

    static CeilingAgreed ceilingAgreed(ProviderType type, ContractKind kind, int year, Money ceiling,
                                       Set<Setting> settings) {
        return new CeilingAgreed(CONTRACT_ID + "-" + year, CONTRACT_ID, INSURER, PROVIDER, type, kind, year,
                LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), ceiling, settings, Set.of(), Set.of());
    }

    static Tariffs tariffs(String percentage, Set<Setting> settings) {
        return Tariffs.uniform(TariffPercentage.of(percentage), settings);
    }

    static Set<Setting> settings(int... numbers) {
        Set<Setting> set = new java.util.TreeSet<>();
        for (int n : numbers) {
            set.add(new Setting(n));
        }
        return Set.copyOf(set);
    }
}
