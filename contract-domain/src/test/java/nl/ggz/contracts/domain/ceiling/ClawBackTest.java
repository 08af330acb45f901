package nl.ggz.contracts.domain.ceiling;

import nl.ggz.contracts.domain.shared.InvalidValueException;
import nl.ggz.contracts.domain.shared.InsurerCode;
import nl.ggz.contracts.domain.shared.Money;
import nl.ggz.contracts.domain.shared.RuleViolationException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.hamcrest.Matchers.containsString;

/** Claw-backs (terugvorderingen) of wrongly paid declarations: DESIGN §1, §5. */
class ClawBackTest extends CeilingFixtureBase {

    private static final Instant ISSUED_AT = Instant.parse("2027-09-01T10:00:00Z");

    private static IssueClawBack clawBack(String id, long cents, String... declarationIds) {
        return new IssueClawBack(CEILING_ID, id, Money.cents(cents), "care not delivered", List.of(declarationIds),
                ISSUED_AT);
    }

    private static ClawBackIssued issued(String id, long cents, ClawBackShare... shares) {
        return new ClawBackIssued(CEILING_ID, id, Money.cents(cents), "care not delivered", List.of(shares),
                ISSUED_AT);
    }

    private static ClawBackShare share(String declarationId, long cents) {
        return new ClawBackShare(declarationId, Money.cents(cents));
    }

    @Test
    void clawBackIsIssuedAgainstTheNamedDeclarations() {
        given(agreed(), recorded("D-1", 600_000, 600_000, 0), recorded("D-2", 300_000, 300_000, 0))
                .when(clawBack("CB-1", 200_000, "D-1"))
                .expectEvents(issued("CB-1", 200_000, share("D-1", 200_000)),
                        reduced("D-1", PayableChangeCause.CLAW_BACK, "CB-1", 200_000, 0));
    }

    @Test
    void clawBackReducesCountedSoTheCeilingHasRoomAgain() {
        // DESIGN §5: counted = declared − clawed back; payable is counted up to the ceiling
        given(agreed(), recorded("D-1", 1_000_000, 1_000_000, 0), threshold(70, 1_000_000, 1_000_000, "D-1"),
                threshold(100, 1_000_000, 1_000_000, "D-1"), exhausted(1_000_000, 1_000_000, "D-1"),
                issued("CB-1", 200_000, share("D-1", 200_000)))
                .when(batch(line("D-2", 150_000)))
                .expectEvents(recorded("D-2", 150_000, 150_000, 0));
    }

    @Test
    void clawBackAboveTheNamedDeclarationsRemainingAmountIsRefused() {
        // 500,000 declared on D-1 of which 200,000 was credited: 300,000 is left to reclaim
        given(agreed(), recorded("D-1", 500_000, 500_000, 0), credited("C-1", "D-1", 200_000, 200_000, 0),
                recorded("D-2", 100_000, 100_000, 0))
                .when(clawBack("CB-1", 300_001, "D-1"))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage(containsString("named declarations"))
                .expectNoEvents();
    }

    @Test
    void clawBackUpToTheNamedDeclarationsRemainingAmountIsAccepted() {
        given(agreed(), recorded("D-1", 500_000, 500_000, 0), credited("C-1", "D-1", 200_000, 200_000, 0),
                recorded("D-2", 100_000, 100_000, 0))
                .when(clawBack("CB-1", 400_000, "D-1", "D-2"))
                .expectEvents(issued("CB-1", 400_000, share("D-1", 300_000), share("D-2", 100_000)),
                        reduced("D-1", PayableChangeCause.CLAW_BACK, "CB-1", 300_000, 0), reduced("D-2", PayableChangeCause.CLAW_BACK, "CB-1", 100_000, 0));
    }

    @Test
    void namingADeclarationTwiceDoesNotDoubleWhatCanBeReclaimed() {
        given(agreed(), recorded("D-1", 300_000, 300_000, 0), recorded("D-2", 300_000, 300_000, 0))
                .when(clawBack("CB-1", 300_001, "D-1", "D-1"))
                .expectException(RuleViolationException.class)
                .expectNoEvents();
    }

    @Test
    void clawBackOfADeclarationOnAnotherCeilingIsRefused() {
        ledger.put(INSURER, new LedgerEntry("D-2028", OTHER_CEILING_ID, Money.cents(500_000), false));
        given(agreed(), recorded("D-1", 500_000, 500_000, 0))
                .when(clawBack("CB-1", 100_000, "D-1", "D-2028"))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage(containsString("D-2028"))
                .expectNoEvents();
    }

    @Test
    void clawBackNamingAnotherInsurersDeclarationOfTheSameIdIsRefusedAsUnknown() {
        ledger.put(new InsurerCode("9664"), new LedgerEntry("D-7", "their-contract-2027", Money.cents(500_000), false));
        given(agreed(), recorded("D-1", 500_000, 500_000, 0))
                .when(clawBack("CB-1", 100_000, "D-1", "D-7"))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage("declaration D-7 is not an accepted declaration on ceiling " + CEILING_ID)
                .expectNoEvents();
    }

    @Test
    void clawBackNamingAnUnknownDeclarationIsRefused() {
        given(agreed(), recorded("D-1", 500_000, 500_000, 0))
                .when(clawBack("CB-1", 100_000, "D-9"))
                .expectException(RuleViolationException.class)
                .expectNoEvents();
    }

    @Test
    void clawBackNamingACreditIsRefused() {
        given(agreed(), recorded("D-1", 500_000, 500_000, 0), credited("C-1", "D-1", 100_000, 100_000, 0))
                .when(clawBack("CB-1", 50_000, "C-1"))
                .expectException(RuleViolationException.class);
    }

    @Test
    void earlierClawBacksReduceWhatCanBeReclaimed() {
        given(agreed(), recorded("D-1", 500_000, 500_000, 0), issued("CB-1", 400_000, share("D-1", 400_000)))
                .when(clawBack("CB-2", 100_001, "D-1"))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage(containsString("after earlier credits and claw-backs"));
    }

    @Test
    void clawBackWithoutReasonIsRefused() {
        given(agreed(), recorded("D-1", 500_000, 500_000, 0))
                .when(new IssueClawBack(CEILING_ID, "CB-1", Money.cents(100), "", List.of("D-1"), ISSUED_AT))
                .expectException(InvalidValueException.class);
    }

    @Test
    void clawBackNamingNoDeclarationsIsRefused() {
        given(agreed(), recorded("D-1", 500_000, 500_000, 0))
                .when(new IssueClawBack(CEILING_ID, "CB-1", Money.cents(100), "reason", List.of(), ISSUED_AT))
                .expectException(InvalidValueException.class);
    }

    @Test
    void clawBackOfNothingIsRefused() {
        given(agreed(), recorded("D-1", 500_000, 500_000, 0))
                .when(clawBack("CB-1", 0, "D-1"))
                .expectException(InvalidValueException.class);
    }

    @Test
    void clawBackIsChargedToTheDeclarationsInTheOrderNamed() {
        given(agreed(), recorded("D-1", 300_000, 300_000, 0), recorded("D-2", 300_000, 300_000, 0))
                .when(clawBack("CB-1", 400_000, "D-2", "D-1"))
                .expectEvents(issued("CB-1", 400_000, share("D-2", 300_000), share("D-1", 100_000)),
                        reduced("D-2", PayableChangeCause.CLAW_BACK, "CB-1", 300_000, 0), reduced("D-1", PayableChangeCause.CLAW_BACK, "CB-1", 100_000, 0));
    }

    @Test
    void reclaimedMoneyCannotBeReclaimedAgain() {
        given(agreed(), recorded("D-1", 5_000, 5_000, 0), issued("CB-1", 5_000, share("D-1", 5_000)))
                .when(clawBack("CB-2", 1, "D-1"))
                .expectException(RuleViolationException.class)
                .expectNoEvents();
    }

    @Test
    void reclaimedMoneyCannotBeCreditedAfterwards() {
        // otherwise counted would drop below what was really declared and a later declaration be paid above the ceiling
        given(agreed(), recorded("D-1", 5_000, 5_000, 0), issued("CB-1", 5_000, share("D-1", 5_000)))
                .when(batch(creditLine("C-1", "D-1", 1)))
                .expectNoEvents()
                .expectResultMessagePayloadMatching(outcomes(r -> org.assertj.core.api.Assertions.assertThat(r)
                        .singleElement().satisfies(o -> {
                            org.assertj.core.api.Assertions.assertThat(o.status()).isEqualTo(DeclarationStatus.REJECTED);
                            org.assertj.core.api.Assertions.assertThat(o.reason()).contains("more than");
                        })));
    }

    // --- claw-backs reclaim what was paid (seed 000 ⓴: "declaraties terug die onterecht betaald zijn") ---

    @Test
    void aClawBackOfAmountsHeldUnpaidAboveTheCeilingReclaimsNothing() {
        // 1,200,000 counted against 1,000,000: 200,000 held unpaid (seed 001: "betalen wij niet uit"). Reclaiming
        // 150,000 of D-2 takes nothing back of what was paid — it was counted as clawed back all the same
        given(agreed(), recorded("D-1", 900_000, 900_000, 0), recorded("D-2", 300_000, 100_000, 200_000))
                .when(clawBack("CB-1", 150_000, "D-2"))
                .expectEvents(new ClawBackIssued(CEILING_ID, "CB-1", Money.cents(150_000), "care not delivered",
                        List.of(share("D-2", 150_000)), ISSUED_AT, Money.ZERO, Money.cents(150_000), false),
                        reduced("D-2", PayableChangeCause.CLAW_BACK, "CB-1", 0, 150_000));
    }

    @Test
    void aClawBackBeyondTheAmountsHeldReclaimsTheRestFromWhatWasPaid() {
        // 1,050,000 counted: 50,000 held; of a claw-back of 100,000, 50,000 comes out of what was paid
        given(agreed(), recorded("D-1", 1_050_000, 1_000_000, 50_000))
                .when(clawBack("CB-1", 100_000, "D-1"))
                .expectEvents(new ClawBackIssued(CEILING_ID, "CB-1", Money.cents(100_000), "care not delivered",
                        List.of(share("D-1", 100_000)), ISSUED_AT, Money.cents(50_000), Money.cents(50_000), false),
                        // per declaration: D-1's own 50,000 held goes first, then 50,000 of what was paid of it
                        reduced("D-1", PayableChangeCause.CLAW_BACK, "CB-1", 50_000, 50_000));
    }

    @Test
    void anAmountWithdrawnWhileHeldIsNotReleasedByALaterRaise() {
        // 150,000 of the 200,000 held was withdrawn: a raise of 300,000 releases the 50,000 still held, no more
        Instant signed = ISSUED_AT.plusSeconds(86_400);
        given(agreed(), recorded("D-1", 900_000, 900_000, 0), recorded("D-2", 300_000, 100_000, 200_000),
                new ClawBackIssued(CEILING_ID, "CB-1", Money.cents(150_000), "care not delivered",
                        List.of(share("D-2", 150_000)), ISSUED_AT, Money.ZERO, Money.cents(150_000), false),
                reduced("D-2", PayableChangeCause.CLAW_BACK, "CB-1", 0, 150_000),
                new IncreaseRequested(CEILING_ID, "R-1", Money.cents(300_000), "groei", ISSUED_AT, ISSUED_AT),
                new IncreaseApproved(CEILING_ID, "R-1", Money.cents(300_000), "A-1", ISSUED_AT),
                new AddendumOffered(CEILING_ID, "A-1", "R-1", Money.cents(300_000), ISSUED_AT))
                .when(new SignAddendum(CEILING_ID, "A-1", "provider", signed))
                .expectEvents(new AddendumSigned(CEILING_ID, "A-1", "provider", signed, Money.cents(300_000),
                        INITIAL, Money.cents(1_300_000), Money.cents(50_000)),
                        released(PayableChangeCause.ADDENDUM_SIGNED, "A-1", "D-2", 50_000));
    }

    @Test
    void aClawBackOfAPaidDeclarationOnAFullCeilingPaysOutTheOldestHeldInstead() {
        // D-1 was paid; reclaiming 150,000 of it frees room under the full ceiling, which pays out the held amounts in
        // the order declared: all 100,000 of D-2, then 50,000 of D-3 (seed 000 ⓴, seed 001)
        given(agreed(), recorded("D-1", 1_000_000, 1_000_000, 0), recorded("D-2", 100_000, 0, 100_000),
                recorded("D-3", 200_000, 0, 200_000))
                .when(clawBack("CB-1", 150_000, "D-1"))
                .expectEvents(new ClawBackIssued(CEILING_ID, "CB-1", Money.cents(150_000), "care not delivered",
                                List.of(share("D-1", 150_000)), ISSUED_AT, Money.ZERO, Money.cents(150_000), false),
                        reduced("D-1", PayableChangeCause.CLAW_BACK, "CB-1", 150_000, 0),
                        released(PayableChangeCause.CLAW_BACK, "CB-1", "D-2", 100_000, "D-3", 50_000));
    }
}
