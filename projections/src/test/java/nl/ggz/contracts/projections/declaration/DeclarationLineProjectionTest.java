package nl.ggz.contracts.projections.declaration;

import nl.ggz.contracts.domain.ceiling.ClawBackIssued;
import nl.ggz.contracts.domain.ceiling.ClawBackShare;
import nl.ggz.contracts.domain.ceiling.DeclarationCredited;
import nl.ggz.contracts.domain.ceiling.DeclarationRecorded;
import nl.ggz.contracts.domain.ceiling.DeclarationReduced;
import nl.ggz.contracts.domain.ceiling.DeclarationRelease;
import nl.ggz.contracts.domain.ceiling.HeldDeclarationsReleased;
import nl.ggz.contracts.domain.ceiling.PayableChangeCause;
import nl.ggz.contracts.domain.privacy.SealedPseudonym;
import nl.ggz.contracts.domain.shared.Money;
import nl.ggz.contracts.domain.shared.PrestatieCode;
import nl.ggz.contracts.domain.shared.Setting;
import nl.ggz.contracts.projections.EventFeed;
import nl.ggz.contracts.projections.ReadModelDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A ceiling's declaration lines: amounts per declaration as the events of issue 17 say, pages in declaration order. */
class DeclarationLineProjectionTest {

    private static final String CEILING = "c-1-2027";

    private final ReadModelDatabase db = ReadModelDatabase.get();
    private final DeclarationLineProjection projection = new DeclarationLineProjection(db.jdbc());
    private final DeclarationLineQueries queries = new DeclarationLineQueries(db.jdbc());
    private final EventFeed feed = new EventFeed(db, projection);

    @BeforeEach
    void empty() {
        db.empty(projection);
    }

    @Test
    void eachLineHoldsWhatIsPayableHeldCreditedAndClawedBackOfIt() {
        feed.handle(recorded("D-1", 1, 800_000, 800_000, 0), recorded("D-2", 2, 400_000, 200_000, 200_000),
                recorded("D-3", 3, 100_000, 0, 100_000));
        // a credit of 300,000 on D-1 frees room: 200,000 of D-2 and 100,000 of D-3 become payable
        feed.handle(new DeclarationCredited(CEILING, "C-1", "D-1", new PrestatieCode("CO0142"), LocalDate.of(2027, 1, 5),
                        Money.cents(300_000), Money.ZERO, Money.cents(300_000)),
                new DeclarationReduced(CEILING, "D-1", PayableChangeCause.CREDIT, "C-1", Money.cents(300_000), Money.ZERO),
                new HeldDeclarationsReleased(CEILING, PayableChangeCause.CREDIT, "C-1",
                        List.of(new DeclarationRelease("D-2", Money.cents(200_000)),
                                new DeclarationRelease("D-3", Money.cents(100_000)))));
        feed.handle(new ClawBackIssued(CEILING, "CB-1", Money.cents(50_000), "niet geleverd",
                        List.of(new ClawBackShare("D-3", Money.cents(50_000))), Instant.parse("2027-06-01T10:00:00Z")),
                new DeclarationReduced(CEILING, "D-3", PayableChangeCause.CLAW_BACK, "CB-1", Money.cents(50_000),
                        Money.ZERO));

        assertThat(queries.find(new FindDeclarationLine(CEILING, "D-1"))).hasValueSatisfying(line -> {
            assertThat(line.payableCents()).isEqualTo(500_000);
            assertThat(line.creditedCents()).isEqualTo(300_000);
            assertThat(line.treatmentDate()).isEqualTo(LocalDate.of(2027, 1, 1));
        });
        assertThat(queries.find(new FindDeclarationLine(CEILING, "D-3"))).hasValueSatisfying(line -> {
            assertThat(line.payableCents()).isEqualTo(50_000);
            assertThat(line.heldCents()).isZero();
            assertThat(line.clawedBackCents()).isEqualTo(50_000);
        });
        assertThat(queries.find(new FindDeclarationLine("other-2027", "D-1"))).isEmpty();
    }

    @Test
    void pagesFollowDeclarationOrderAndFilterByStatusAndTreatmentDate() {
        feed.handle(recorded("D-1", 1, 100, 100, 0), recorded("D-2", 2, 100, 50, 50), recorded("D-3", 3, 100, 0, 100),
                recorded("D-4", 20, 100, 0, 100));

        DeclarationLinePage first = queries.find(new FindDeclarationLines(CEILING, null, null, null, 0, 2));
        DeclarationLinePage second = queries.find(new FindDeclarationLines(CEILING, null, null, null, first.next(), 2));

        assertThat(first.lines()).extracting(DeclarationLineView::declarationId).containsExactly("D-1", "D-2");
        assertThat(second.lines()).extracting(DeclarationLineView::declarationId).containsExactly("D-3", "D-4");
        assertThat(second.next()).isNull();
        assertThat(queries.find(new FindDeclarationLines(CEILING, DeclarationLineStatus.HELD, null,
                LocalDate.of(2027, 1, 10), 0, 10)).lines()).extracting(DeclarationLineView::declarationId)
                .containsExactly("D-2", "D-3");
        assertThat(queries.find(new FindDeclarationLines(CEILING, DeclarationLineStatus.PAYABLE,
                LocalDate.of(2027, 1, 2), null, 0, 10)).lines()).extracting(DeclarationLineView::declarationId)
                .containsExactly("D-2");
    }

    private static DeclarationRecorded recorded(String id, int day, long amount, long payable, long unpaid) {
        return new DeclarationRecorded(CEILING, id, new PrestatieCode("CO0142"), new Setting(2),
                LocalDate.of(2027, 1, day), SealedPseudonym.sealed("c2VhbGVk", "aGFzaA"), Money.cents(amount), Money.cents(payable), Money.cents(unpaid),
                false);
    }
}
