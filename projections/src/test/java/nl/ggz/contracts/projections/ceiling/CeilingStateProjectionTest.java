package nl.ggz.contracts.projections.ceiling;

import nl.ggz.contracts.domain.ceiling.ContractTerminationApplied;
import nl.ggz.contracts.domain.ceiling.IncreaseDecisionOverdue;
import nl.ggz.contracts.domain.contract.ContractOffered;
import nl.ggz.contracts.projections.EventFeed;
import nl.ggz.contracts.projections.ReadModelDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;

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
        assertThat(view.thresholds().get(0)).isEqualTo(new CeilingView.Threshold(70, march, 750_000, 1_000_000));
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
        assertThat(open.status()).isEqualTo("REQUESTED");
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
    void aCeilingNeverAgreedIsNotFound() {
        feed.handle(agreed(OFFER, 2027));

        assertThat(queries.find(new FindCeiling("C-1-2028"))).isEmpty();
    }
}
