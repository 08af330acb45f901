package nl.ggz.contracts.domain.ceiling;

import nl.ggz.contracts.domain.policy.PolicyParameters;
import nl.ggz.contracts.domain.shared.Money;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

/** Utilisation marks, each recorded once, crossed on counted = declared − clawed back against the current ceiling. */
class ThresholdTest extends CeilingFixtureBase {

    private static final Instant AT = Instant.parse("2027-05-03T09:00:00Z");

    @Test
    void seventyPercentThresholdIsRecordedWhenCrossed() {
        // seed 001: the provider reports at 70 % of the ceiling
        given(agreed(), recorded("D-1", 600_000, 600_000, 0))
                .when(batch(line("D-2", 150_000)))
                .expectEvents(recorded("D-2", 150_000, 150_000, 0), threshold(70, 750_000, 1_000_000, "D-2"));
    }

    @Test
    void seventyPercentIsReachedAtExactlySeventy() {
        // seed 001: "bij het bereiken van 70%"
        given(agreed())
                .when(batch(line("D-1", 700_000)))
                .expectEvents(recorded("D-1", 700_000, 700_000, 0), threshold(70, 700_000, 1_000_000, "D-1"));
    }

    @Test
    void nothingIsRecordedJustBelowSeventyPercent() {
        given(agreed())
                .when(batch(line("D-1", 699_999)))
                .expectEvents(recorded("D-1", 699_999, 699_999, 0));
    }

    @Test
    void seventyPercentThresholdIsRecordedOnlyOnce() {
        given(agreed(), recorded("D-1", 750_000, 750_000, 0), threshold(70, 750_000, 1_000_000, "D-1"))
                .when(batch(line("D-2", 10_000)))
                .expectEvents(recorded("D-2", 10_000, 10_000, 0));
    }

    @Test
    void seventyPercentIsNotRecordedAgainAfterACreditDroppedBelowIt() {
        given(agreed(), recorded("D-1", 750_000, 750_000, 0), threshold(70, 750_000, 1_000_000, "D-1"),
                credited("C-1", "D-1", 100_000, 100_000, 0))
                .when(batch(line("D-2", 100_000)))
                .expectEvents(recorded("D-2", 100_000, 100_000, 0));
    }

    @Test
    void exhaustionIsRecordedOnlyOnce() {
        given(agreed(), recorded("D-1", 1_000_000, 1_000_000, 0), threshold(70, 1_000_000, 1_000_000, "D-1"),
                threshold(100, 1_000_000, 1_000_000, "D-1"), exhausted(1_000_000, 1_000_000, "D-1"),
                credited("C-1", "D-1", 50_000, 50_000, 0))
                .when(batch(line("D-2", 100_000)))
                .expectEvents(recorded("D-2", 100_000, 50_000, 50_000));
    }

    @Test
    void oneBatchCanCrossSeventyAndHundredPercentEachOnce() {
        given(agreed())
                .when(batch(line("D-1", 750_000), line("D-2", 300_000), line("D-3", 10_000)))
                .expectEvents(recorded("D-1", 750_000, 750_000, 0),
                        threshold(70, 750_000, 1_000_000, "D-1"),
                        recorded("D-2", 300_000, 250_000, 50_000),
                        threshold(100, 1_050_000, 1_000_000, "D-2"),
                        exhausted(1_050_000, 1_000_000, "D-2"),
                        recorded("D-3", 10_000, 0, 10_000));
    }

    @Test
    void thresholdsAreCrossedOnCountedNotDeclared() {
        // DESIGN §5: counted = declared − clawed back; 750,000 declared less 100,000 clawed back is 65 %
        given(agreed(), recorded("D-1", 600_000, 600_000, 0),
                new ClawBackIssued(CEILING_ID, "CB-1", Money.cents(100_000), "double declared", List.of(new ClawBackShare("D-1", Money.cents(100_000))), AT))
                .when(batch(line("D-2", 150_000), line("D-3", 50_000)))
                .expectEvents(recorded("D-2", 150_000, 150_000, 0),
                        recorded("D-3", 50_000, 50_000, 0),
                        threshold(70, 700_000, 1_000_000, "D-3"));
    }

    @Test
    void thresholdsComeFromTheInsurersPolicy() {
        PolicyParameters d = PolicyParameters.defaults(2027);
        policies.set(INSURER, 2027, new PolicyParameters(List.of(90, 50), d.increaseCapPercent(),
                d.increaseWindowStart(), d.increaseWindowEnd(), 28, d.offerValidityDays(),
                d.termYears()));
        given(agreed())
                .when(batch(line("D-1", 950_000)))
                .expectEvents(recorded("D-1", 950_000, 950_000, 0),
                        threshold(50, 950_000, 1_000_000, "D-1"),
                        threshold(90, 950_000, 1_000_000, "D-1"));
    }

    @Test
    void exhaustionIsRecordedEvenWhenHundredPercentIsNotAConfiguredThreshold() {
        PolicyParameters d = PolicyParameters.defaults(2027);
        policies.set(INSURER, 2027, new PolicyParameters(List.of(70), d.increaseCapPercent(),
                d.increaseWindowStart(), d.increaseWindowEnd(), 28, d.offerValidityDays(),
                d.termYears()));
        given(agreed(), recorded("D-1", 900_000, 900_000, 0), threshold(70, 900_000, 1_000_000, "D-1"))
                .when(batch(line("D-2", 100_000)))
                .expectEvents(recorded("D-2", 100_000, 100_000, 0), exhausted(1_000_000, 1_000_000, "D-2"));
    }

    @Test
    void thresholdsAreMeasuredAgainstTheCurrentCeilingAfterAnAddendum() {
        // DESIGN §5: against the current ceiling; 1,000,000 of the raised 1,500,000 is 66 %, no mark yet
        given(agreed(),
                new IncreaseRequested(CEILING_ID, "R-1", Money.cents(500_000), "waiting lists", AT,
                        AT.plusSeconds(28 * 86_400)),
                new IncreaseApproved(CEILING_ID, "R-1", Money.cents(500_000), "A-1", AT),
                new AddendumOffered(CEILING_ID, "A-1", "R-1", Money.cents(500_000), AT),
                new AddendumSigned(CEILING_ID, "A-1", "provider", AT, Money.cents(500_000), INITIAL,
                        Money.cents(1_500_000), Money.ZERO))
                .when(batch(line("D-1", 1_000_000), line("D-2", 50_000)))
                .expectEvents(recorded("D-1", 1_000_000, 1_000_000, 0),
                        recorded("D-2", 50_000, 50_000, 0),
                        threshold(70, 1_050_000, 1_500_000, "D-2"));
    }

    // --- the marks of the ceiling in force (a raise by a signed addendum) ---

    /** Counted 1,000,000 at the initial 1,000,000: 70 % and 100 % reached, exhausted; addendum A-1 of 500,000 offered. */
    private static Object[] exhaustedWithRaiseOffered() {
        return new Object[]{agreed(), recorded("D-1", 1_000_000, 1_000_000, 0),
                threshold(70, 1_000_000, 1_000_000, "D-1"), threshold(100, 1_000_000, 1_000_000, "D-1"),
                exhausted(1_000_000, 1_000_000, "D-1"),
                new IncreaseRequested(CEILING_ID, "R-1", Money.cents(500_000), "waiting lists", AT,
                        AT.plusSeconds(28 * 86_400)),
                new IncreaseApproved(CEILING_ID, "R-1", Money.cents(500_000), "A-1", AT),
                new AddendumOffered(CEILING_ID, "A-1", "R-1", Money.cents(500_000), AT)};
    }

    @Test
    void seventyPercentOfTheRaisedCeilingIsRecordedAgainWithTheRaisedCeiling() {
        // seed 001: report at 70 % of the ceiling — after the raise, of 1,500,000; 1,050,000 reaches it again
        // (this was never recorded: the 70 % mark of the initial ceiling stood for good)
        given(exhaustedWithRaiseOffered())
                .andGivenCommands(new SignAddendum(CEILING_ID, "A-1", "provider", AT.plusSeconds(3_600)))
                .when(batch(line("D-2", 50_000)))
                .expectEvents(recorded("D-2", 50_000, 50_000, 0), threshold(70, 1_050_000, 1_500_000, "D-2"));
    }

    @Test
    void theRaisedCeilingIsExhaustedAgainWhenReached() {
        // DESIGN §4: CeilingExhausted; the raised ceiling is the one in force
        given(exhaustedWithRaiseOffered())
                .andGivenCommands(new SignAddendum(CEILING_ID, "A-1", "provider", AT.plusSeconds(3_600)))
                .when(batch(line("D-2", 500_000)))
                .expectEvents(recorded("D-2", 500_000, 500_000, 0), threshold(70, 1_500_000, 1_500_000, "D-2"),
                        threshold(100, 1_500_000, 1_500_000, "D-2"), exhausted(1_500_000, 1_500_000, "D-2"));
    }

    @Test
    void aRaiseClearsTheMarksTheRaisedCeilingNoLongerReaches() {
        given(exhaustedWithRaiseOffered())
                .when(new SignAddendum(CEILING_ID, "A-1", "provider", AT.plusSeconds(3_600)))
                .expectEvents(new AddendumSigned(CEILING_ID, "A-1", "provider", AT.plusSeconds(3_600),
                                Money.cents(500_000), INITIAL, Money.cents(1_500_000), Money.ZERO),
                        new CeilingThresholdsCleared(CEILING_ID, "A-1", List.of(70, 100), true,
                                Money.cents(1_000_000), Money.cents(1_500_000)));
    }

    @Test
    void marksTheRaisedCeilingStillReachesStand() {
        // 1,200,000 counted; raised by 100,000 to 1,100,000: still past 70 % and 100 % — nothing is cleared, and
        // nothing is recorded a second time for the same ceiling in force
        given(agreed(), recorded("D-1", 1_200_000, 1_000_000, 200_000),
                threshold(70, 1_200_000, 1_000_000, "D-1"), threshold(100, 1_200_000, 1_000_000, "D-1"),
                exhausted(1_200_000, 1_000_000, "D-1"),
                new IncreaseRequested(CEILING_ID, "R-1", Money.cents(100_000), "waiting lists", AT,
                        AT.plusSeconds(28 * 86_400)),
                new IncreaseApproved(CEILING_ID, "R-1", Money.cents(100_000), "A-1", AT),
                new AddendumOffered(CEILING_ID, "A-1", "R-1", Money.cents(100_000), AT))
                .andGivenCommands(new SignAddendum(CEILING_ID, "A-1", "provider", AT.plusSeconds(3_600)))
                .when(batch(line("D-2", 10_000)))
                .expectEvents(recorded("D-2", 10_000, 0, 10_000));
    }

    @Test
    void aMarkBetweenTheOldAndTheRaisedCeilingIsClearedAloneAndRecordedAgain() {
        // 800,000 counted at 1,000,000 (70 % reached); raised to 1,200,000: 66 %, the 70 % mark is cleared
        given(agreed(), recorded("D-1", 800_000, 800_000, 0), threshold(70, 800_000, 1_000_000, "D-1"),
                new IncreaseRequested(CEILING_ID, "R-1", Money.cents(200_000), "waiting lists", AT,
                        AT.plusSeconds(28 * 86_400)),
                new IncreaseApproved(CEILING_ID, "R-1", Money.cents(200_000), "A-1", AT),
                new AddendumOffered(CEILING_ID, "A-1", "R-1", Money.cents(200_000), AT),
                new AddendumSigned(CEILING_ID, "A-1", "provider", AT, Money.cents(200_000), INITIAL,
                        Money.cents(1_200_000), Money.ZERO),
                new CeilingThresholdsCleared(CEILING_ID, "A-1", List.of(70), false, Money.cents(800_000),
                        Money.cents(1_200_000)))
                .when(batch(line("D-2", 40_000)))
                .expectEvents(recorded("D-2", 40_000, 40_000, 0), threshold(70, 840_000, 1_200_000, "D-2"));
    }
}
