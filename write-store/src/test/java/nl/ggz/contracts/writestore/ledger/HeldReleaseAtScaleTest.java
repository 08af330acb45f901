package nl.ggz.contracts.writestore.ledger;

import nl.ggz.contracts.domain.ceiling.CeilingAgreed;
import nl.ggz.contracts.domain.ceiling.DeclarationRecorded;
import nl.ggz.contracts.domain.ceiling.DeclarationRelease;
import nl.ggz.contracts.domain.ceiling.HeldDeclarationsReleased;
import nl.ggz.contracts.domain.ceiling.HeldQueue;
import nl.ggz.contracts.domain.ceiling.PayableChangeCause;
import nl.ggz.contracts.domain.shared.ContractKind;
import nl.ggz.contracts.domain.shared.InsurerCode;
import nl.ggz.contracts.domain.shared.Money;
import nl.ggz.contracts.domain.shared.PrestatieCode;
import nl.ggz.contracts.domain.shared.ProviderCode;
import nl.ggz.contracts.domain.shared.ProviderType;
import nl.ggz.contracts.domain.shared.Setting;
import nl.ggz.contracts.writestore.WriteStoreDatabase;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seed 001: held declarations become payable when a raise lifts the ceiling, in the order declared — on a ceiling of
 * 100,000 held declarations the release reads the ledger's oldest held rows up to the amount released and no more
 * (bounded rows read, hence bounded time and memory), whatever the ceiling's size.
 */
class HeldReleaseAtScaleTest {

    private static final WriteStoreDatabase DB = WriteStoreDatabase.get();
    private static final int DECLARATIONS = 100_000;
    /** The patient is beside the point here: one sealed value (made up, never opened) for every line. */
    private static final nl.ggz.contracts.domain.privacy.SealedPseudonym SEALED =
            nl.ggz.contracts.domain.privacy.SealedPseudonym.sealed("c2VhbGVk", "aGFzaA");

    private final PostgresDeclarationLedger ledger = new PostgresDeclarationLedger(DB.jdbc(),
            new nl.ggz.contracts.writestore.privacy.PostgresPatientPseudonyms(DB.jdbc()));

    @Test
    void aRaiseOnACeilingOf100000HeldDeclarationsReleasesExactlyTheOldestHeldAmountsReadingOnlyThose() {
        DB.empty(ledger);
        DB.handle(ledger, agreed("BIG-2027"), agreed("OTHER-2027"));
        // every declaration held in full above a full ceiling: 100 cents each; another ceiling's held rows beside them
        for (int from = 0; from < DECLARATIONS; from += 10_000) {
            DB.handle(ledger, IntStream.range(from, from + 10_000).mapToObj(i -> held("BIG-2027", "D-" + i))
                    .toArray());
        }
        DB.handle(ledger, IntStream.range(0, 1_000).mapToObj(i -> held("OTHER-2027", "O-" + i)).toArray());

        // a raise of 3,000,050 cents: the first 30,000 declarations in full, then 50 of the 30,001st
        HeldQueue raise = new HeldQueue(ledger, "BIG-2027");
        List<DeclarationRelease> releases = DB.inTransaction(() -> raise.release(Money.cents(3_000_050)));

        assertThat(releases).hasSize(30_001);
        assertThat(releases.subList(0, 30_000)).allSatisfy(r -> assertThat(r.amount()).isEqualTo(Money.cents(100)));
        assertThat(releases).extracting(DeclarationRelease::declarationId)
                .containsExactlyElementsOf(IntStream.rangeClosed(0, 30_000).mapToObj(i -> "D-" + i).toList());
        assertThat(releases.get(30_000).amount()).isEqualTo(Money.cents(50));
        assertThat(raise.rowsRead()).as("ledger rows read").isLessThanOrEqualTo(30_001 + 500);

        // the ledger keeps the released parts (written from the events, in chunks as the aggregate applies them); the
        // next release goes on with the 50 still held of D-30000, then D-30001
        List<Object> events = new ArrayList<>();
        for (int from = 0; from < releases.size(); from += HeldDeclarationsReleased.MAX_RELEASES) {
            events.add(new HeldDeclarationsReleased("BIG-2027", PayableChangeCause.ADDENDUM_SIGNED, "A-1",
                    releases.subList(from, Math.min(releases.size(), from + HeldDeclarationsReleased.MAX_RELEASES))));
        }
        DB.handle(ledger, events.toArray());
        HeldQueue next = new HeldQueue(ledger, "BIG-2027");
        List<DeclarationRelease> more = DB.inTransaction(() -> next.release(Money.cents(150)));

        assertThat(more).containsExactly(new DeclarationRelease("D-30000", Money.cents(50)),
                new DeclarationRelease("D-30001", Money.cents(100)));
        assertThat(next.rowsRead()).isLessThanOrEqualTo(500);
        assertThat(DB.jdbc().queryForObject("SELECT sum(held_cents) FROM declaration_ledger WHERE ceiling_id = 'BIG-2027'",
                Long.class)).isEqualTo(DECLARATIONS * 100L - 3_000_050);
    }

    private static DeclarationRecorded held(String ceilingId, String declarationId) {
        return new DeclarationRecorded(ceilingId, declarationId, new PrestatieCode("CO0142"), new Setting(2),
                LocalDate.of(2027, 3, 1), SEALED, Money.cents(100), Money.ZERO, Money.cents(100), false);
    }

    private static CeilingAgreed agreed(String ceilingId) {
        return new CeilingAgreed(ceilingId, ceilingId.substring(0, ceilingId.lastIndexOf('-')), new InsurerCode("3311"),
                new ProviderCode("94001234"), ProviderType.INSTITUTION, ContractKind.DIGITAL, 2027,
                LocalDate.of(2027, 1, 1), LocalDate.of(2027, 12, 31), Money.ZERO, Set.of(new Setting(2)), Set.of(),
                Set.of());
    }
}
