package nl.ggz.contracts.projections.claimsfeed;

import nl.ggz.contracts.domain.ceiling.CeilingSettled;
import nl.ggz.contracts.domain.ceiling.DeclarationRecorded;
import nl.ggz.contracts.domain.ceiling.DeclarationReduced;
import nl.ggz.contracts.domain.ceiling.DeclarationRelease;
import nl.ggz.contracts.domain.ceiling.HeldDeclarationsReleased;
import nl.ggz.contracts.domain.ceiling.IncreaseRequested;
import nl.ggz.contracts.domain.ceiling.PayableChangeCause;
import nl.ggz.contracts.domain.privacy.SealedPseudonym;
import nl.ggz.contracts.domain.shared.InsurerCode;
import nl.ggz.contracts.domain.shared.Money;
import nl.ggz.contracts.domain.shared.PrestatieCode;
import nl.ggz.contracts.domain.shared.Setting;
import nl.ggz.contracts.eventstore.StoredJson;
import nl.ggz.contracts.projections.ReadModelDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The claims feed read from the event table: the insurer's payment-relevant events only, resumable at every line. */
class ClaimsFeedTest {

    private static final InsurerCode MINE = new InsurerCode("3311");
    private static final InsurerCode THEIRS = new InsurerCode("7029");

    private final ReadModelDatabase db = ReadModelDatabase.get();
    private final ClaimsFeed feed = new ClaimsFeed(db.jdbc(), null);
    private long base;
    /** Ceilings of their own per test: the event table is append-only. */
    private final String c1 = "c-1-" + UUID.randomUUID();
    private final String c2 = "c-2-" + UUID.randomUUID();

    @BeforeEach
    void emptyStore() {
        db.jdbc().update("TRUNCATE ceiling_state");
        base = db.number("SELECT coalesce(max(globalindex), 0) FROM domainevententry");
        ceiling(c1, "c-1", MINE);
        ceiling(c2, "c-2", THEIRS);
    }

    @Test
    void theFeedHoldsTheInsurersPayableChangesInPositionOrderAndNothingOfAnotherInsurer() {
        store(c1, 0, recorded(c1, "D-1", 10_000, 10_000, 0));
        store(c2, 0, recorded(c2, "D-1", 5_000, 5_000, 0));
        store(c1, 1, recorded(c1, "D-2", 7_000, 2_000, 5_000));
        store(c1, 2, new IncreaseRequested(null, null, null, null, null, null, null));
        store(c1, 3, new DeclarationReduced(c1, "D-1", PayableChangeCause.CREDIT, "C-1",
                Money.cents(1_000), Money.ZERO));
        store(c1, 4, new HeldDeclarationsReleased(c1, PayableChangeCause.CREDIT, "C-1",
                List.of(new DeclarationRelease("D-2", Money.cents(1_000)))));

        List<ClaimsFeedEntry> entries = feed.read(MINE, FeedCursor.START, 100, head()).entries();

        assertThat(entries).extracting(ClaimsFeedEntry::type).containsExactly(
                ClaimsFeedEntryType.DECLARATION_ACCEPTED, ClaimsFeedEntryType.DECLARATION_ACCEPTED,
                ClaimsFeedEntryType.DECLARATION_REDUCED, ClaimsFeedEntryType.HELD_RELEASED);
        assertThat(entries).extracting(ClaimsFeedEntry::contractId).containsOnly("c-1");
        assertThat(entries.get(1)).satisfies(e -> {
            assertThat(e.payableChangeCents()).isEqualTo(2_000);
            assertThat(e.heldChangeCents()).isEqualTo(5_000);
            assertThat(e.amountCents()).isEqualTo(7_000);
        });
        assertThat(entries.get(3).cursor()).isEqualTo((base + 6) + ".0");
        assertThat(entries.get(3).jsonLine()).contains("\"type\":\"HELD_RELEASED\"", "\"declarationId\":\"D-2\"",
                "\"payableChangeCents\":1000", "\"heldChangeCents\":-1000", "\"cause\":\"CREDIT\"")
                .doesNotContain("settlement", "\n");
        assertThat(feed.read(THEIRS, FeedCursor.START, 100, head()).entries()).extracting(ClaimsFeedEntry::ceilingId)
                .containsExactly(c2);
    }

    @Test
    void aReleaseOfManyDeclarationsIsResumedAfterTheLastLineRead() {
        List<DeclarationRelease> releases = List.of(new DeclarationRelease("D-1", Money.cents(1)),
                new DeclarationRelease("D-2", Money.cents(2)), new DeclarationRelease("D-3", Money.cents(3)));
        store(c1, 0, new HeldDeclarationsReleased(c1, PayableChangeCause.ADDENDUM_SIGNED, "a-1",
                releases));
        store(c1, 1, new CeilingSettled(c1, Instant.parse("2028-03-01T10:00:00Z"), Money.cents(10),
                Money.cents(16), Money.cents(16), Money.cents(16), Money.ZERO, Money.ZERO, Money.ZERO));

        ClaimsFeedPage first = feed.read(MINE, FeedCursor.START, 2, head());
        ClaimsFeedPage second = feed.read(MINE, first.resumeAfter(), 2, head());
        ClaimsFeedPage third = feed.read(MINE, second.resumeAfter(), 2, head());

        assertThat(first.entries()).extracting(ClaimsFeedEntry::declarationId).containsExactly("D-1", "D-2");
        assertThat(first.resumeAfter()).hasToString((base + 1) + ".1");
        assertThat(second.entries()).extracting(ClaimsFeedEntry::declarationId).containsExactly("D-3", null);
        assertThat(second.entries().get(1).settlement().payableCents()).isEqualTo(16);
        assertThat(third.entries()).isEmpty();
        assertThat(third.resumeAfter()).isEqualTo(FeedCursor.afterEvent(head()));
    }

    @Test
    void aQuietInsurersReadMovesOnPastTheStretchOfOtherInsurersEventsItRead() {
        store(c2, 0, recorded(c2, "D-1", 5_000, 5_000, 0));
        store(c1, 0, recorded(c1, "D-1", 5_000, 5_000, 0));

        ClaimsFeedPage quiet = feed.read(MINE, FeedCursor.afterEvent(base), 10, base + 1);

        assertThat(quiet.entries()).isEmpty();
        assertThat(quiet.resumeAfter()).isEqualTo(FeedCursor.afterEvent(base + 1));
        assertThat(feed.read(MINE, quiet.resumeAfter(), 10, head()).entries()).hasSize(1);
    }

    @Test
    void aCursorIsAPositionOptionallyWithALineIndexAndNothingElse() {
        assertThat(FeedCursor.parse("0")).isEqualTo(FeedCursor.START);
        assertThat(FeedCursor.parse("12.3")).isEqualTo(new FeedCursor(12, 3));
        for (String garbage : List.of("", "-1", "1.", ".1", "1.2.3", "x", "1e3", "99999999999999999999")) {
            assertThatThrownBy(() -> FeedCursor.parse(garbage)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("after must be a feed position");
        }
    }

    private long head() {
        return db.number("SELECT coalesce(max(globalindex), 0) FROM domainevententry");
    }

    private void ceiling(String ceilingId, String contractId, InsurerCode insurer) {
        db.jdbc().update("""
                INSERT INTO ceiling_state (ceiling_id, contract_id, insurer_uzovi, provider_agb, provider_type, kind,
                    contract_year, initial_ceiling_cents, ceiling_cents, last_care_date)
                VALUES (?, ?, ?, '94001234', 'INSTITUTION', 'DIGITAL', 2027, 10000, 10000, DATE '2027-12-31')
                """, ceilingId, contractId, insurer.value());
    }

    private static DeclarationRecorded recorded(String ceilingId, String id, long amount, long payable, long unpaid) {
        return new DeclarationRecorded(ceilingId, id, new PrestatieCode("CO0142"), new Setting(2),
                LocalDate.of(2027, 3, 1), SealedPseudonym.sealed("c2VhbGVk", "aGFzaA"), Money.cents(amount), Money.cents(payable), Money.cents(unpaid), false);
    }

    private void store(String aggregate, long sequence, Object payload) {
        try {
            byte[] json = StoredJson.mapper().writeValueAsString(payload).getBytes(StandardCharsets.UTF_8);
            db.jdbc().update("""
                    INSERT INTO domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier, metadata,
                        payload, payloadrevision, payloadtype, timestamp)
                    VALUES (?, ?, 'CeilingAgreement', ?, '{}'::bytea, ?, '1', ?, '2027-03-01T10:00:00Z')
                    """, aggregate, sequence, UUID.randomUUID().toString(), json,
                    payload.getClass().getName());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
