package nl.ggz.contracts.projections.ceiling;

import nl.ggz.contracts.domain.ceiling.CeilingSettled;
import nl.ggz.contracts.domain.ceiling.CeilingThresholdsCleared;
import nl.ggz.contracts.domain.ceiling.ClawBackIssued;
import nl.ggz.contracts.domain.ceiling.ClawBackShare;
import nl.ggz.contracts.domain.ceiling.ContractTerminationApplied;
import nl.ggz.contracts.domain.ceiling.IncreaseCriterion;
import nl.ggz.contracts.domain.ceiling.IncreaseDecisionOverdue;
import nl.ggz.contracts.domain.ceiling.IncreaseInformationRequested;
import nl.ggz.contracts.domain.ceiling.IncreaseRejected;
import nl.ggz.contracts.domain.ceiling.IncreaseRequestCompleted;
import nl.ggz.contracts.domain.ceiling.IncreaseRequested;
import nl.ggz.contracts.domain.ceiling.RejectionReason;
import nl.ggz.contracts.domain.shared.Money;
import nl.ggz.contracts.domain.contract.ContractOffered;
import nl.ggz.contracts.projections.EventFeed;
import nl.ggz.contracts.projections.ReadModelDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static nl.ggz.contracts.projections.Events.addendumOffered;
import static nl.ggz.contracts.projections.Events.addendumSigned;
import static nl.ggz.contracts.projections.Events.agreed;
import static nl.ggz.contracts.projections.Events.approved;
import static nl.ggz.contracts.projections.Events.clawBack;
import static nl.ggz.contracts.projections.Events.credited;
import static nl.ggz.contracts.projections.Events.exhausted;
import static nl.ggz.contracts.projections.Events.offered;
import static nl.ggz.contracts.projections.Events.recorded;
import static nl.ggz.contracts.projections.Events.rejected;
import static nl.ggz.contracts.projections.Events.requested;
import static nl.ggz.contracts.projections.Events.threshold;
import static org.assertj.core.api.Assertions.assertThat;

/** The ceiling's figures (DESIGN.md §5 arithmetic) as events make them, in ceiling_state and its side tables. */
class CeilingStateProjectionTest {

    private static final ReadModelDatabase DB = ReadModelDatabase.get();
    private static final ContractOffered OFFER = offered("C-1", 2027, 1_000_000);
    private static final String CEILING = "C-1-2027";
    private static final LocalDate CARE = LocalDate.of(2027, 2, 15);

    private final CeilingStateProjection ceilings = new CeilingStateProjection(DB.jdbc());
    private final CeilingQueries queries = new CeilingQueries(DB.jdbc());
    private final EventFeed feed = new EventFeed(DB, ceilings);

    @BeforeEach
    void empty() {
        DB.empty(ceilings);
    }

    @Test
    void anAgreedCeilingOpensAtItsInitialAmountWithNothingDeclared() {
        feed.handle(agreed(OFFER, 2027));

        assertThat(DB.jdbc().queryForMap("""
                SELECT contract_id, insurer_uzovi, provider_agb, provider_type, kind, contract_year,
                       initial_ceiling_cents, ceiling_cents, declared_cents, declarations
                FROM ceiling_state WHERE ceiling_id = ?""", CEILING))
                .containsEntry("contract_id", "C-1").containsEntry("insurer_uzovi", "3311")
                .containsEntry("provider_agb", "94001234").containsEntry("provider_type", "INSTITUTION")
                .containsEntry("kind", "DIGITAL").containsEntry("contract_year", 2027)
                .containsEntry("initial_ceiling_cents", 1_000_000L).containsEntry("ceiling_cents", 1_000_000L)
                .containsEntry("declared_cents", 0L).containsEntry("declarations", 0L);
        // care is covered to the end of the period until a termination says otherwise
        assertThat(DB.date("SELECT last_care_date FROM ceiling_state WHERE ceiling_id = ?", CEILING))
                .isEqualTo(LocalDate.of(2027, 12, 31));
        CeilingView view = queries.find(new FindCeiling(CEILING)).orElseThrow();
        assertThat(view.ceilingCents()).isEqualTo(1_000_000);
        assertThat(view.utilisationPercent()).isEqualByComparingTo("0.00");
        assertThat(view.thresholdsReached()).isEmpty();
    }

    @Test
    void declarationsAndCreditsOfOneTransactionAreAddedToTheirOwnCeiling() {
        ContractOffered other = offered("C-2", 2027, 500_000);
        feed.handle(agreed(OFFER, 2027), agreed(other, 2027));

        // one batch over two ceilings: the totals are gathered per ceiling and written at commit
        feed.handle(recorded(CEILING, "D-1", 300_000, 300_000, CARE),
                recorded("C-2-2027", "E-1", 40_000, 40_000, CARE),
                recorded(CEILING, "D-2", 200_000, 200_000, CARE),
                credited(CEILING, "D-1-credit", "D-1", 50_000, CARE));
        // a later transaction adds to what the first wrote
        feed.handle(recorded(CEILING, "D-3", 100_000, 100_000, CARE));

        assertThat(DB.jdbc().queryForMap(
                "SELECT declared_cents, declarations, credits FROM ceiling_state WHERE ceiling_id = ?", CEILING))
                .containsEntry("declared_cents", 550_000L).containsEntry("declarations", 3L)
                .containsEntry("credits", 1L);
        assertThat(DB.number("SELECT declared_cents FROM ceiling_state WHERE ceiling_id = 'C-2-2027'"))
                .isEqualTo(40_000);
        CeilingView view = queries.find(new FindCeiling(CEILING)).orElseThrow();
        assertThat(view.declaredCents()).isEqualTo(550_000);
        assertThat(view.payableCents()).isEqualTo(550_000);
        assertThat(view.unpaidCents()).isZero();
        assertThat(view.utilisationPercent()).isEqualByComparingTo("55.00");
        assertThat(view.declarations()).isEqualTo(3);
        assertThat(view.credits()).isEqualTo(1);
    }

    @Test
    void thresholdsAreDatedByTheirEventAndExhaustionHoldsTheRestUnpaid() {
        feed.handle(agreed(OFFER, 2027));
        Instant march = Instant.parse("2027-03-01T10:00:00Z");
        Instant may = Instant.parse("2027-05-03T08:30:00Z");

        feed.at(march).handle(recorded(CEILING, "D-1", 750_000, 750_000, CARE),
                threshold(CEILING, 70, 750_000, 1_000_000));
        feed.at(may).handle(recorded(CEILING, "D-2", 400_000, 250_000, CARE),
                threshold(CEILING, 100, 1_150_000, 1_000_000), exhausted(CEILING, 1_150_000, 1_000_000));

        assertThat(DB.instant("SELECT reached_at FROM ceiling_threshold WHERE ceiling_id = ? AND percent = 70", CEILING))
                .isEqualTo(march);
        assertThat(DB.number("SELECT counted_cents FROM ceiling_threshold WHERE ceiling_id = ? AND percent = 100",
                CEILING)).isEqualTo(1_150_000);
        assertThat(DB.instant("SELECT exhausted_at FROM ceiling_state WHERE ceiling_id = ?", CEILING)).isEqualTo(may);

        CeilingView view = queries.find(new FindCeiling(CEILING)).orElseThrow();
        assertThat(view.thresholdsReached()).containsExactly(70, 100);
        assertThat(view.thresholds().get(0)).isEqualTo(new CeilingView.Threshold(70, march, 750_000, 1_000_000, null,
                null));
        assertThat(view.declaredCents()).isEqualTo(1_150_000);
        assertThat(view.payableCents()).isEqualTo(1_000_000);
        assertThat(view.unpaidCents()).isEqualTo(150_000);
        assertThat(view.utilisationPercent()).isEqualByComparingTo("115.00");
    }

    @Test
    void anApprovedIncreaseRaisesTheCeilingOnlyWhenItsAddendumIsSigned() {
        Instant asked = Instant.parse("2027-05-10T09:00:00Z");
        Instant decided = Instant.parse("2027-05-20T09:00:00Z");
        Instant signed = Instant.parse("2027-05-22T14:00:00Z");
        feed.handle(agreed(OFFER, 2027));
        feed.handle(recorded(CEILING, "D-1", 1_150_000, 1_000_000, CARE));
        feed.handle(requested(CEILING, "R-1", 300_000, asked));
        feed.handle(approved(CEILING, "R-1", 250_000, "A-1", decided),
                addendumOffered(CEILING, "A-1", "R-1", 250_000, decided));

        // seed 001: approved is not final
        CeilingView approvedOnly = queries.find(new FindCeiling(CEILING)).orElseThrow();
        assertThat(approvedOnly.ceilingCents()).isEqualTo(1_000_000);
        assertThat(approvedOnly.increaseRequests()).singleElement().satisfies(request -> {
            assertThat(request.status()).isEqualTo("APPROVED");
            assertThat(request.amountCents()).isEqualTo(300_000);
            assertThat(request.approvedCents()).isEqualTo(250_000);
            assertThat(request.addendumId()).isEqualTo("A-1");
            assertThat(request.decidedAt()).isEqualTo(decided);
            assertThat(request.decisionDueAt()).isEqualTo(asked.plus(java.time.Duration.ofDays(28)));
        });
        assertThat(approvedOnly.addenda()).singleElement().satisfies(a -> assertThat(a.signedAt()).isNull());

        feed.handle(addendumSigned(CEILING, "A-1", signed, 250_000, 1_000_000, 150_000));

        CeilingView raised = queries.find(new FindCeiling(CEILING)).orElseThrow();
        assertThat(raised.initialCeilingCents()).isEqualTo(1_000_000);
        assertThat(raised.ceilingCents()).isEqualTo(1_250_000);
        // what was held above the old ceiling is payable now
        assertThat(raised.payableCents()).isEqualTo(1_150_000);
        assertThat(raised.unpaidCents()).isZero();
        assertThat(raised.addenda()).singleElement().satisfies(a -> {
            assertThat(a.signedAt()).isEqualTo(signed);
            assertThat(a.signedBy()).isEqualTo("dr. Jansen");
        });
    }

    @Test
    void aRejectedRequestKeepsItsGroundsAndAnOverdueOneIsMarked() {
        Instant first = Instant.parse("2027-04-02T09:00:00Z");
        Instant second = Instant.parse("2027-04-09T09:00:00Z");
        Instant decided = Instant.parse("2027-06-01T09:00:00Z");
        feed.handle(agreed(OFFER, 2027));
        feed.handle(requested(CEILING, "R-1", 100_000, first), requested(CEILING, "R-2", 50_000, second));
        feed.handle(new IncreaseDecisionOverdue(CEILING, "R-1", first.plus(java.time.Duration.ofDays(28))));
        feed.handle(rejected(CEILING, "R-1", decided));

        CeilingView view = queries.find(new FindCeiling(CEILING)).orElseThrow();
        assertThat(view.increaseRequests()).extracting(CeilingView.IncreaseRequestView::requestId)
                .containsExactly("R-1", "R-2");
        CeilingView.IncreaseRequestView rejectedLate = view.increaseRequests().get(0);
        assertThat(rejectedLate.status()).isEqualTo("REJECTED");
        assertThat(rejectedLate.overdue()).isTrue();
        assertThat(rejectedLate.decisionGrounds()).isEqualTo("alternatives nearby");
        assertThat(rejectedLate.decidedAt()).isEqualTo(decided);
        assertThat(rejectedLate.approvedCents()).isNull();
        CeilingView.IncreaseRequestView open = view.increaseRequests().get(1);
        assertThat(open.status()).isEqualTo("SUBMITTED");
        assertThat(open.overdue()).isFalse();
        assertThat(open.decidedAt()).isNull();
    }

    @Test
    void aClawBackIsTakenOffWhatIsCountedNotOffWhatWasDeclared() {
        Instant issued = Instant.parse("2027-06-01T09:00:00Z");
        feed.handle(agreed(OFFER, 2027));
        feed.handle(recorded(CEILING, "D-1", 600_000, 600_000, CARE), recorded(CEILING, "D-2", 10_000, 10_000, CARE));
        feed.handle(clawBack(CEILING, "K-1", 100_000, "D-1", issued));

        assertThat(DB.number("SELECT clawed_back_cents FROM ceiling_state WHERE ceiling_id = ?", CEILING))
                .isEqualTo(100_000);
        assertThat(DB.text("SELECT array_to_string(declaration_ids, ',') FROM claw_back WHERE claw_back_id = 'K-1'"))
                .isEqualTo("D-1");
        CeilingView view = queries.find(new FindCeiling(CEILING)).orElseThrow();
        assertThat(view.declaredCents()).isEqualTo(610_000);
        assertThat(view.clawedBackCents()).isEqualTo(100_000);
        assertThat(view.payableCents()).isEqualTo(510_000);
        assertThat(view.utilisationPercent()).isEqualByComparingTo("51.00");
        assertThat(view.clawBacks()).singleElement().satisfies(k -> {
            assertThat(k.amountCents()).isEqualTo(100_000);
            assertThat(k.reason()).isEqualTo("care not delivered");
            assertThat(k.declarationIds()).containsExactly("D-1");
            assertThat(k.issuedAt()).isEqualTo(issued);
        });
    }

    @Test
    void aTerminationEndsTheCoveredCareAtItsLastDay() {
        feed.handle(agreed(OFFER, 2027));
        feed.handle(new ContractTerminationApplied(CEILING, LocalDate.of(2027, 3, 31)));

        assertThat(DB.date("SELECT last_care_date FROM ceiling_state WHERE ceiling_id = ?", CEILING))
                .isEqualTo(LocalDate.of(2027, 3, 31));
    }

    @Test
    void afterARaiseTheMarksOfTheCeilingInForceAreReachedAndRecordedAgain() {
        // seed 001: report at 70 % of the ceiling — the ceiling in force; the crossing of the old one stays on record
        Instant march = Instant.parse("2027-03-01T10:00:00Z");
        Instant june = Instant.parse("2027-06-01T10:00:00Z");
        Instant september = Instant.parse("2027-09-01T10:00:00Z");
        feed.handle(agreed(OFFER, 2027));
        feed.at(march).handle(recorded(CEILING, "D-1", 1_000_000, 1_000_000, CARE),
                threshold(CEILING, 70, 1_000_000, 1_000_000), threshold(CEILING, 100, 1_000_000, 1_000_000),
                exhausted(CEILING, 1_000_000, 1_000_000));
        feed.at(june).handle(addendumSigned(CEILING, "A-1", june, 500_000, 1_000_000, 0),
                new CeilingThresholdsCleared(CEILING, "A-1", List.of(100), true, Money.cents(1_000_000),
                        Money.cents(1_500_000)));

        CeilingView raised = queries.find(new FindCeiling(CEILING)).orElseThrow();
        assertThat(raised.thresholdsReached()).containsExactly(70);
        assertThat(raised.thresholds()).filteredOn(t -> t.percent() == 100).singleElement().satisfies(t -> {
            assertThat(t.ceilingCents()).isEqualTo(1_000_000);
            assertThat(t.clearedAt()).isEqualTo(june);
            assertThat(t.clearedByAddendumId()).isEqualTo("A-1");
        });
        assertThat(DB.instant("SELECT exhausted_at FROM ceiling_state WHERE ceiling_id = ?", CEILING)).isNull();

        feed.at(september).handle(recorded(CEILING, "D-2", 500_000, 500_000, CARE),
                threshold(CEILING, 100, 1_500_000, 1_500_000), exhausted(CEILING, 1_500_000, 1_500_000));

        CeilingView again = queries.find(new FindCeiling(CEILING)).orElseThrow();
        assertThat(again.thresholdsReached()).containsExactly(70, 100);
        assertThat(again.thresholds()).extracting(CeilingView.Threshold::percent,
                CeilingView.Threshold::ceilingCents, CeilingView.Threshold::reachedAt).containsExactly(
                org.assertj.core.groups.Tuple.tuple(70, 1_000_000L, march),
                org.assertj.core.groups.Tuple.tuple(100, 1_000_000L, march),
                org.assertj.core.groups.Tuple.tuple(100, 1_500_000L, september));
        assertThat(DB.instant("SELECT exhausted_at FROM ceiling_state WHERE ceiling_id = ?", CEILING))
                .isEqualTo(september);
    }

    @Test
    void anIncreaseRequestNamesItsCriteriaAndItsClockStopsWhileInformationIsAskedFor() {
        // seed 001: judged on listed criteria; more information asked stops the clock, the complete request restarts it
        Instant submitted = Instant.parse("2027-04-06T09:00:00Z");
        Instant dueFirst = Instant.parse("2027-05-04T22:00:00Z");
        Instant asked = Instant.parse("2027-04-12T09:00:00Z");
        Instant answered = Instant.parse("2027-04-20T15:00:00Z");
        Instant dueAfter = Instant.parse("2027-05-18T22:00:00Z");
        feed.handle(agreed(OFFER, 2027));
        feed.handle(new IncreaseRequested(CEILING, "R-1", Money.cents(100_000), "wachtlijst 18 weken",
                List.of(IncreaseCriterion.WAITING_TIMES, IncreaseCriterion.NO_ALTERNATIVE_CARE), submitted, dueFirst));
        feed.handle(new IncreaseInformationRequested(CEILING, "R-1", "FTE per discipline?", asked));

        CeilingView.IncreaseRequestView waiting = queries.find(new FindCeiling(CEILING)).orElseThrow()
                .increaseRequests().get(0);
        assertThat(waiting.criteria()).containsExactly("WAITING_TIMES", "NO_ALTERNATIVE_CARE");
        assertThat(waiting.status()).isEqualTo("INFORMATION_REQUESTED");
        assertThat(waiting.decisionDueAt()).isNull();
        assertThat(waiting.information()).singleElement().isEqualTo(
                new CeilingView.InformationRound(asked, "FTE per discipline?", null, null));

        feed.handle(new IncreaseRequestCompleted(CEILING, "R-1", "12 FTE GZ-psycholoog", answered, dueAfter));

        CeilingView.IncreaseRequestView complete = queries.find(new FindCeiling(CEILING)).orElseThrow()
                .increaseRequests().get(0);
        assertThat(complete.status()).isEqualTo("COMPLETE");
        assertThat(complete.requestedAt()).isEqualTo(submitted);
        assertThat(complete.completeAt()).isEqualTo(answered);
        assertThat(complete.decisionDueAt()).isEqualTo(dueAfter);
        assertThat(complete.information()).singleElement().isEqualTo(new CeilingView.InformationRound(asked,
                "FTE per discipline?", answered, "12 FTE GZ-psycholoog"));
    }

    @Test
    void aRejectionNamesItsReasonsForTheNzaToCount() {
        // seed 003 §4.2: why requests were refused
        Instant submitted = Instant.parse("2027-04-06T09:00:00Z");
        feed.handle(agreed(OFFER, 2027), requested(CEILING, "R-1", 100_000, submitted));
        feed.handle(new IncreaseRejected(CEILING, "R-1", "genoeg aanbod in de regio",
                List.of(RejectionReason.ALTERNATIVE_CARE_AVAILABLE, RejectionReason.DUTY_OF_CARE_MET),
                submitted.plus(java.time.Duration.ofDays(10))));

        CeilingView.IncreaseRequestView rejected = queries.find(new FindCeiling(CEILING)).orElseThrow()
                .increaseRequests().get(0);
        assertThat(rejected.status()).isEqualTo("REJECTED");
        assertThat(rejected.rejectionReasons()).containsExactly("ALTERNATIVE_CARE_AVAILABLE", "DUTY_OF_CARE_MET");
        assertThat(rejected.decisionGrounds()).isEqualTo("genoeg aanbod in de regio");
    }

    @Test
    void aClawBackOnAmountsHeldUnpaidIsWithdrawnNotClawedBack() {
        // seed 000 ⓴: what was paid is reclaimed; seed 001: what is above the ceiling was never paid
        Instant issued = Instant.parse("2027-11-01T09:00:00Z");
        feed.handle(agreed(OFFER, 2027));
        feed.handle(recorded(CEILING, "D-1", 1_200_000, 1_000_000, CARE));
        feed.handle(new ClawBackIssued(CEILING, "K-1", Money.cents(300_000), "care not delivered",
                List.of(new ClawBackShare("D-1", Money.cents(300_000))), issued, Money.cents(100_000),
                Money.cents(200_000), false));

        CeilingView view = queries.find(new FindCeiling(CEILING)).orElseThrow();
        assertThat(view.declaredCents()).isEqualTo(1_200_000);
        assertThat(view.clawedBackCents()).isEqualTo(100_000);
        assertThat(view.withdrawnUnpaidCents()).isEqualTo(200_000);
        assertThat(view.payableCents()).isEqualTo(900_000);
        assertThat(view.unpaidCents()).isZero();
        assertThat(view.utilisationPercent()).isEqualByComparingTo("90.00");
        assertThat(view.clawBacks()).singleElement().satisfies(k -> {
            assertThat(k.amountCents()).isEqualTo(300_000);
            assertThat(k.reclaimedCents()).isEqualTo(100_000);
            assertThat(k.withdrawnUnpaidCents()).isEqualTo(200_000);
            assertThat(k.afterSettlement()).isFalse();
        });
    }

    @Test
    void aSettledYearKeepsItsFinalFiguresAndShowsRecoveriesAfterThem() {
        // seed 000: settlement continues into the next year; claw-backs after it recover from the settled year
        Instant settled = Instant.parse("2028-03-01T10:00:00Z");
        Instant recovered = Instant.parse("2028-05-01T10:00:00Z");
        feed.handle(agreed(OFFER, 2027));
        feed.handle(recorded(CEILING, "D-1", 1_100_000, 1_000_000, CARE));
        feed.handle(new CeilingSettled(CEILING, settled, Money.cents(1_000_000), Money.cents(1_000_000),
                Money.cents(1_100_000), Money.cents(1_000_000), Money.cents(100_000), Money.ZERO, Money.ZERO));
        feed.handle(new ClawBackIssued(CEILING, "K-1", Money.cents(150_000), "dubbel gedeclareerd",
                List.of(new ClawBackShare("D-1", Money.cents(150_000))), recovered, Money.cents(50_000),
                Money.cents(100_000), true));

        CeilingView view = queries.find(new FindCeiling(CEILING)).orElseThrow();
        assertThat(view.settledAt()).isEqualTo(settled);
        assertThat(view.settlement()).isEqualTo(new CeilingView.Settlement(settled, 1_000_000, 1_100_000, 1_000_000,
                100_000, 0, 0));
        assertThat(view.recoveredAfterSettlementCents()).isEqualTo(50_000);
        assertThat(view.payableCents()).isEqualTo(950_000);
        assertThat(view.clawBacks()).singleElement().satisfies(k -> assertThat(k.afterSettlement()).isTrue());
    }

    @Test
    void aCeilingNeverAgreedIsNotFound() {
        feed.handle(agreed(OFFER, 2027));

        assertThat(queries.find(new FindCeiling("C-1-2028"))).isEmpty();
    }
}
