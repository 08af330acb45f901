package nl.ggz.contracts.writestore.claim;

import nl.ggz.contracts.domain.contract.ContractClaims.Claim;
import nl.ggz.contracts.domain.contract.ContractDeclined;
import nl.ggz.contracts.domain.contract.ContractOfferExpired;
import nl.ggz.contracts.domain.contract.ContractOfferWithdrawn;
import nl.ggz.contracts.domain.contract.ContractOffered;
import nl.ggz.contracts.domain.contract.ContractSigned;
import nl.ggz.contracts.domain.shared.ContractKind;
import nl.ggz.contracts.domain.shared.ContractTerm;
import nl.ggz.contracts.domain.shared.InsurerCode;
import nl.ggz.contracts.domain.shared.Money;
import nl.ggz.contracts.domain.shared.ProviderCode;
import nl.ggz.contracts.domain.shared.ProviderType;
import nl.ggz.contracts.domain.shared.Setting;
import nl.ggz.contracts.domain.shared.TariffPercentage;
import nl.ggz.contracts.domain.shared.Tariffs;
import nl.ggz.contracts.writestore.WriteStoreDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** One contract per insurer, provider and calendar year (issue 14), kept where transactions meet. */
class PostgresContractClaimsTest {

    private static final WriteStoreDatabase DB = WriteStoreDatabase.get();
    private static final InsurerCode VGZ = new InsurerCode("7095");
    private static final ProviderCode PROVIDER = new ProviderCode("94001234");
    private static final Instant AT = Instant.parse("2026-10-01T08:00:00Z");

    private final PostgresContractClaims claims = new PostgresContractClaims(DB.jdbc());

    @BeforeEach
    void empty() {
        DB.empty(claims);
    }

    @Test
    void anOfferClaimsEveryCalendarYearOfItsTerm() {
        DB.handle(claims, offered("c-1", VGZ, PROVIDER, 2027, 2028));

        assertThat(claims.heldFor(VGZ, PROVIDER, List.of(2028, 2029))).contains(new Claim("c-1", 2028));
        assertThat(claims.heldFor(VGZ, PROVIDER, List.of(2026))).isEmpty();
        assertThat(claims.heldFor(new InsurerCode("3311"), PROVIDER, List.of(2027))).isEmpty();
        assertThat(claims.heldFor(VGZ, new ProviderCode("94005678"), List.of(2027))).isEmpty();
    }

    @Test
    void aSignedContractKeepsItsYears() {
        DB.handle(claims, offered("c-1", VGZ, PROVIDER, 2027, 2027), new ContractSigned("c-1", "dr. Jansen", AT,
                Money.cents(1_000), Tariffs.uniform(TariffPercentage.of("92.50"), Set.of(new Setting(1))),
                Set.of(new Setting(1)), List.of("c-1-2027")));

        assertThat(claims.heldFor(VGZ, PROVIDER, List.of(2027))).contains(new Claim("c-1", 2027));
    }

    @Test
    void anOfferThatEndsWithoutASignatureGivesItsYearsUp() {
        DB.handle(claims, offered("c-1", VGZ, PROVIDER, 2027, 2027), new ContractDeclined("c-1", "no", AT),
                offered("c-2", VGZ, PROVIDER, 2027, 2027), new ContractOfferWithdrawn("c-2", "mistake", AT),
                offered("c-3", VGZ, PROVIDER, 2027, 2027), new ContractOfferExpired("c-3", AT));

        assertThat(claims.heldFor(VGZ, PROVIDER, List.of(2027))).isEmpty();
        DB.handle(claims, offered("c-4", VGZ, PROVIDER, 2027, 2027));
        assertThat(claims.heldFor(VGZ, PROVIDER, List.of(2027))).contains(new Claim("c-4", 2027));
    }

    @Test
    void twoOffersOfTheSameYearAtOnceCannotBothCommit() throws Exception {
        // both transactions found the year free; the second insert waits for the first and fails on the key
        WriteStoreDatabase other = WriteStoreDatabase.secondWriter();
        PostgresContractClaims otherClaims = new PostgresContractClaims(other.jdbc());
        CountDownLatch firstInserted = new CountDownLatch(1);
        CountDownLatch secondSent = new CountDownLatch(1);
        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> DB.inTransaction(() -> {
            assertThat(claims.heldFor(VGZ, PROVIDER, List.of(2027))).isEmpty();
            DB.handle(claims, offered("c-1", VGZ, PROVIDER, 2027, 2027));
            firstInserted.countDown();
            await(secondSent);
            sleep();
            return null;
        }));
        await(firstInserted);
        CompletableFuture<Void> second = CompletableFuture.runAsync(() -> other.inTransaction(() -> {
            // the first offer is not committed: the year looks free here too
            assertThat(otherClaims.heldFor(VGZ, PROVIDER, List.of(2027))).isEmpty();
            secondSent.countDown();
            other.handle(otherClaims, offered("c-2", VGZ, PROVIDER, 2027, 2027));
            return null;
        }));
        first.get(30, TimeUnit.SECONDS);

        assertThatThrownBy(() -> second.get(30, TimeUnit.SECONDS)).hasRootCauseMessage(
                rootMessageOf(second)).rootCause().hasMessageContaining("contract_claim_pkey");
        assertThatThrownBy(() -> second.get(30, TimeUnit.SECONDS)).cause().isInstanceOf(DuplicateKeyException.class);
        assertThat(DB.jdbc().queryForList("SELECT contract_id FROM contract_claim", String.class))
                .containsExactly("c-1");
    }

    /** A moment for the second transaction's insert to reach the row lock the first one holds. */
    private static void sleep() {
        try {
            Thread.sleep(300);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String rootMessageOf(CompletableFuture<?> future) {
        Throwable t = future.handle((ok, failure) -> failure).join();
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static ContractOffered offered(String contractId, InsurerCode insurer, ProviderCode provider,
                                           int firstYear, int lastYear) {
        Set<Setting> settings = Set.of(new Setting(1));
        return new ContractOffered(contractId, insurer, provider, ProviderType.INDEPENDENT, ContractKind.DIGITAL,
                new ContractTerm(LocalDate.of(firstYear, 1, 1), LocalDate.of(lastYear, 12, 31)), settings,
                Tariffs.uniform(TariffPercentage.of("92.50"), settings), Money.cents(1_000_000), AT,
                AT.plusSeconds(86_400), Set.of(), Set.of());
    }
}
