package nl.ggz.contracts.domain.ceiling;

import nl.ggz.contracts.domain.shared.Money;
import nl.ggz.contracts.domain.shared.StateConflictException;
import nl.ggz.contracts.domain.shared.UnknownReferenceException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

/** Seed 001: an approved increase becomes final only when the provider signs the addendum recording it. */
class AddendumTest extends CeilingFixtureBase {

    private static final Instant REQUESTED_AT = Instant.parse("2027-05-03T09:00:00Z");
    private static final Instant DECIDED_AT = Instant.parse("2027-05-20T12:00:00Z");
    private static final Instant SIGNED_AT = Instant.parse("2027-05-22T08:00:00Z");

    /** The ceiling exhausted with {@code counted} declared, and an addendum A-1 of {@code increase} offered. */
    private Object[] exhaustedWithAddendumOffered(long counted, long increase) {
        return new Object[]{agreed(),
                recorded("D-1", counted, 1_000_000, counted - 1_000_000),
                threshold(70, counted, 1_000_000, "D-1"),
                threshold(100, counted, 1_000_000, "D-1"),
                exhausted(counted, 1_000_000, "D-1"),
                new IncreaseRequested(CEILING_ID, "R-1", Money.cents(increase), "waiting lists", REQUESTED_AT,
                        REQUESTED_AT.plusSeconds(28L * 86_400)),
                new IncreaseApproved(CEILING_ID, "R-1", Money.cents(increase), "A-1", DECIDED_AT),
                new AddendumOffered(CEILING_ID, "A-1", "R-1", Money.cents(increase), DECIDED_AT)};
    }

    private static AddendumSigned signed(long increase, long previous, long released) {
        return new AddendumSigned(CEILING_ID, "A-1", "provider", SIGNED_AT, Money.cents(increase),
                Money.cents(previous), Money.cents(previous + increase), Money.cents(released));
    }

    @Test
    void heldDeclarationsBecomePayableWhenAddendumIsSigned() {
        // seed 001: only after signing the addendum is the ceiling raised; 200,000 held above it is released
        given(exhaustedWithAddendumOffered(1_200_000, 300_000))
                .when(new SignAddendum(CEILING_ID, "A-1", "provider", SIGNED_AT))
                .expectEvents(signed(300_000, 1_000_000, 200_000),
                        released(PayableChangeCause.ADDENDUM_SIGNED, "A-1", "D-1", 200_000),
                        // 1,200,000 of the raised 1,300,000: the 100 % mark is that of the ceiling in force no more
                        new CeilingThresholdsCleared(CEILING_ID, "A-1", List.of(100), true, Money.cents(1_200_000),
                                Money.cents(1_300_000)));
    }

    @Test
    void addendumReleasesNoMoreThanItRaisesTheCeiling() {
        // 400,000 held, the ceiling rises by 300,000: 300,000 is released, 100,000 stays held
        given(exhaustedWithAddendumOffered(1_400_000, 300_000))
                .when(new SignAddendum(CEILING_ID, "A-1", "provider", SIGNED_AT))
                .expectEvents(signed(300_000, 1_000_000, 300_000),
                        released(PayableChangeCause.ADDENDUM_SIGNED, "A-1", "D-1", 300_000));
    }

    @Test
    void addendumSignedWithNothingHeldReleasesNothing() {
        given(agreed(), recorded("D-1", 400_000, 400_000, 0),
                new IncreaseRequested(CEILING_ID, "R-1", Money.cents(100_000), "growth", REQUESTED_AT,
                        REQUESTED_AT.plusSeconds(28L * 86_400)),
                new IncreaseApproved(CEILING_ID, "R-1", Money.cents(100_000), "A-1", DECIDED_AT),
                new AddendumOffered(CEILING_ID, "A-1", "R-1", Money.cents(100_000), DECIDED_AT))
                .when(new SignAddendum(CEILING_ID, "A-1", "provider", SIGNED_AT))
                .expectEvents(signed(100_000, 1_000_000, 0));
    }

    @Test
    void approvedIncreaseDoesNotRaiseTheCeilingBeforeTheAddendumIsSigned() {
        // seed 001: "Pas na ondertekening van het addendum" — until then the old ceiling holds
        given(exhaustedWithAddendumOffered(1_000_000, 300_000))
                .when(batch(line("D-2", 100_000)))
                .expectEvents(recorded("D-2", 100_000, 0, 100_000))
                .expectResultMessagePayload(List.of(accepted("D-2", 0, 100_000)));
    }

    @Test
    void declarationsArePayableUpToTheRaisedCeilingOnceTheAddendumIsSigned() {
        Object[] history = exhaustedWithAddendumOffered(1_200_000, 300_000);
        Object[] events = java.util.Arrays.copyOf(history, history.length + 1);
        events[history.length] = signed(300_000, 1_000_000, 200_000);
        given(events)
                .when(batch(line("D-2", 150_000)))
                .expectEvents(recorded("D-2", 150_000, 100_000, 50_000))
                .expectResultMessagePayload(List.of(accepted("D-2", 100_000, 50_000)));
    }

    @Test
    void signingAnAddendumTwiceIsAStateConflict() {
        Object[] history = exhaustedWithAddendumOffered(1_200_000, 300_000);
        Object[] events = java.util.Arrays.copyOf(history, history.length + 1);
        events[history.length] = signed(300_000, 1_000_000, 200_000);
        given(events)
                .when(new SignAddendum(CEILING_ID, "A-1", "provider", SIGNED_AT.plusSeconds(60)))
                .expectException(StateConflictException.class)
                .expectNoEvents();
    }

    @Test
    void signingAnUnknownAddendumIsAnUnknownReference() {
        given(exhaustedWithAddendumOffered(1_200_000, 300_000))
                .when(new SignAddendum(CEILING_ID, "A-9", "provider", SIGNED_AT))
                .expectException(UnknownReferenceException.class)
                .expectNoEvents();
    }

    @Test
    void anAddendumIdIsNeverReused() {
        Object[] history = exhaustedWithAddendumOffered(1_100_000, 200_000);
        Object[] withSecondRequest = java.util.Arrays.copyOf(history, history.length + 1);
        withSecondRequest[history.length] = new IncreaseRequested(CEILING_ID, "R-2", Money.cents(50_000), "more",
                REQUESTED_AT, REQUESTED_AT.plusSeconds(28L * 86_400));
        given(withSecondRequest)
                .when(new ApproveIncrease(CEILING_ID, "R-2", "A-1", Money.cents(50_000), DECIDED_AT))
                .expectException(StateConflictException.class)
                .expectNoEvents();
    }

    @Test
    void aRaiseReleasesTheHeldAmountsOldestDeclarationFirst() {
        // seed 001: held declarations become payable when a raise lifts the ceiling — in the order declared: D-2's
        // 100,000 held in full, then 150,000 of D-3's 200,000; D-4 stays held
        given(agreed(), recorded("D-1", 1_000_000, 1_000_000, 0), recorded("D-2", 100_000, 0, 100_000),
                recorded("D-3", 200_000, 0, 200_000), recorded("D-4", 50_000, 0, 50_000),
                new IncreaseRequested(CEILING_ID, "R-1", Money.cents(250_000), "waiting lists", REQUESTED_AT,
                        REQUESTED_AT.plusSeconds(28L * 86_400)),
                new IncreaseApproved(CEILING_ID, "R-1", Money.cents(250_000), "A-1", DECIDED_AT),
                new AddendumOffered(CEILING_ID, "A-1", "R-1", Money.cents(250_000), DECIDED_AT))
                .when(new SignAddendum(CEILING_ID, "A-1", "provider", SIGNED_AT))
                .expectEvents(signed(250_000, 1_000_000, 250_000),
                        released(PayableChangeCause.ADDENDUM_SIGNED, "A-1", "D-2", 100_000, "D-3", 150_000));
    }

    @Test
    void aRaiseOverManyHeldDeclarationsReadsOnlyThoseItReleases() {
        // 3,000 declarations of 100 held above a full ceiling; a raise of 123,450 releases the first 1,234 in full
        // and 50 of the 1,235th, reading no more of the ledger than the pages that hold them
        java.util.List<Object> history = new java.util.ArrayList<>(java.util.List.of(agreed(),
                recorded("D-0", 1_000_000, 1_000_000, 0)));
        for (int i = 1; i <= 3_000; i++) {
            history.add(recorded("D-" + i, 100, 0, 100));
        }
        history.add(new IncreaseRequested(CEILING_ID, "R-1", Money.cents(123_450), "waiting lists", REQUESTED_AT,
                REQUESTED_AT.plusSeconds(28L * 86_400)));
        history.add(new IncreaseApproved(CEILING_ID, "R-1", Money.cents(123_450), "A-1", DECIDED_AT));
        history.add(new AddendumOffered(CEILING_ID, "A-1", "R-1", Money.cents(123_450), DECIDED_AT));
        Object[] expectedReleases = new Object[2 * 1_235];
        for (int i = 1; i <= 1_235; i++) {
            expectedReleases[2 * (i - 1)] = "D-" + i;
            expectedReleases[2 * (i - 1) + 1] = i == 1_235 ? 50L : 100L;
        }
        HeldDeclarationsReleased all = released(PayableChangeCause.ADDENDUM_SIGNED, "A-1", expectedReleases);

        given(history.toArray())
                .when(new SignAddendum(CEILING_ID, "A-1", "provider", SIGNED_AT))
                .expectEvents(signed(123_450, 1_000_000, 123_450),
                        new HeldDeclarationsReleased(CEILING_ID, PayableChangeCause.ADDENDUM_SIGNED, "A-1",
                                all.releases().subList(0, 1_000)),
                        new HeldDeclarationsReleased(CEILING_ID, PayableChangeCause.ADDENDUM_SIGNED, "A-1",
                                all.releases().subList(1_000, 1_235)));
        org.assertj.core.api.Assertions.assertThat(ledger.heldRowsRead()).isLessThanOrEqualTo(1_235 + HeldQueue.PAGE);
    }
}
