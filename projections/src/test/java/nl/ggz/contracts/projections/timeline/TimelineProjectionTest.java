package nl.ggz.contracts.projections.timeline;

import nl.ggz.contracts.domain.ceiling.CeilingSettled;
import nl.ggz.contracts.domain.ceiling.CeilingThresholdsCleared;
import nl.ggz.contracts.domain.ceiling.ClawBackIssued;
import nl.ggz.contracts.domain.ceiling.ClawBackShare;
import nl.ggz.contracts.domain.ceiling.IncreaseCriterion;
import nl.ggz.contracts.domain.ceiling.IncreaseInformationRequested;
import nl.ggz.contracts.domain.ceiling.IncreaseRejected;
import nl.ggz.contracts.domain.ceiling.IncreaseRequestCompleted;
import nl.ggz.contracts.domain.ceiling.IncreaseRequested;
import nl.ggz.contracts.domain.ceiling.RejectionReason;
import nl.ggz.contracts.domain.contract.ContractOffered;
import nl.ggz.contracts.domain.shared.Money;
import nl.ggz.contracts.projections.EventFeed;
import nl.ggz.contracts.projections.ReadModelDatabase;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static nl.ggz.contracts.projections.Events.agreed;
import static nl.ggz.contracts.projections.Events.clawBack;
import static nl.ggz.contracts.projections.Events.credited;
import static nl.ggz.contracts.projections.Events.offered;
import static nl.ggz.contracts.projections.Events.recorded;
import static nl.ggz.contracts.projections.Events.signed;
import static nl.ggz.contracts.projections.Events.threshold;
import static org.assertj.core.api.Assertions.assertThat;

/** A contract's history in words: one line per event of the contract and its ceilings, declarations per day. */
class TimelineProjectionTest {

    private static final ReadModelDatabase DB = ReadModelDatabase.get();
    private static final ContractOffered OFFER = offered("C-1", 2027, 1_000_000);
    private static final String CEILING = "C-1-2027";
    private static final LocalDate CARE = LocalDate.of(2027, 2, 15);

    private final TimelineProjection timeline = new TimelineProjection(DB.jdbc());
    private final TimelineQueries queries = new TimelineQueries(DB.jdbc());
    private final EventFeed feed = new EventFeed(DB, timeline);

    @BeforeEach
    void empty() {
        DB.empty(timeline);
    }

    @Test
    void eachEventIsALineInWordsWithWhoDidItTheAmountAndItsCeiling() {
        Instant offeredAt = Instant.parse("2026-10-01T08:00:00Z");
        Instant signedAt = Instant.parse("2026-10-20T13:00:00Z");
        Instant reachedAt = Instant.parse("2027-06-01T09:00:00Z");
        feed.at(offeredAt).by("inkoper-3311").handle(OFFER);
        // signing and the ceiling it opens share one instant: their order is the order they were stored in
        feed.at(signedAt).by("zorgaanbieder-94001234").handle(signed(OFFER, signedAt), agreed(OFFER, 2027));
        feed.at(reachedAt).by("declaratiesysteem-3311").handle(threshold(CEILING, 70, 700_000, 1_000_000));
        // another contract's history is not this one's
        feed.handle(offered("C-2", 2027, 5_000));

        List<TimelineEntry> entries = queries.find(new FindTimeline("C-1"));

        assertThat(entries).extracting(TimelineEntry::type)
                .containsExactly("ContractOffered", "ContractSigned", "CeilingAgreed", "CeilingThresholdReached");
        assertThat(entries.get(0)).isEqualTo(new TimelineEntry(offeredAt, "ContractOffered",
                "DIGITAL contract offered to INSTITUTION 94001234 by insurer 3311 for 2027-01-01 to 2027-12-31, "
                        + "settings 2, 3, tariff 92.50 % of the NZa maximum, ceiling € 10.000,00 per year; "
                        + "open until 12 November 2026 01:00 CET",
                "inkoper-3311", 1_000_000L, null));
        assertThat(entries.get(1).actor()).isEqualTo("zorgaanbieder-94001234");
        assertThat(entries.get(1).description()).isEqualTo("Contract signed by dr. Jansen; 1 ceiling(s) of € 10.000,00 opened");
        assertThat(entries.get(2).ceilingId()).isEqualTo(CEILING);
        assertThat(entries.get(2).description()).isEqualTo("Ceiling 2027 opened at € 10.000,00");
        assertThat(entries.get(3)).isEqualTo(new TimelineEntry(reachedAt, "CeilingThresholdReached",
                "70 % of the ceiling reached: € 7.000,00 of € 10.000,00 counted", "declaratiesysteem-3311",
                700_000L, CEILING));
    }

    @Test
    void theIncreaseProcessClearedMarksSettlementAndRecoveriesAreLinesOfTheTimeline() {
        feed.handle(OFFER, agreed(OFFER, 2027));
        Instant asked = Instant.parse("2027-04-06T08:00:00Z");
        feed.at(asked).handle(new IncreaseRequested(CEILING, "R-1", Money.cents(100_000), "wachtlijst",
                        List.of(IncreaseCriterion.WAITING_TIMES), asked, Instant.parse("2027-05-04T22:00:00Z")),
                new IncreaseInformationRequested(CEILING, "R-1", "FTE?", asked),
                new IncreaseRequestCompleted(CEILING, "R-1", "12 FTE", asked, Instant.parse("2027-05-04T22:00:00Z")),
                new IncreaseRejected(CEILING, "R-1", "genoeg aanbod", List.of(RejectionReason.DUTY_OF_CARE_MET), asked),
                new CeilingThresholdsCleared(CEILING, "A-1", List.of(70, 100), true, Money.cents(800_000),
                        Money.cents(1_200_000)),
                new CeilingSettled(CEILING, Instant.parse("2028-02-01T09:00:00Z"), Money.cents(1_000_000),
                        Money.cents(1_200_000), Money.cents(800_000), Money.cents(800_000), Money.ZERO, Money.ZERO,
                        Money.ZERO),
                new ClawBackIssued(CEILING, "K-1", Money.cents(5_000), "dubbel", List.of(new ClawBackShare("D-1",
                        Money.cents(5_000))), asked, Money.cents(5_000), Money.ZERO, true));

        List<String> lines = queries.find(new FindTimeline("C-1")).stream().map(TimelineEntry::description).toList();

        assertThat(lines).contains(
                "Increase of € 1.000,00 requested (wachtlijst; criteria WAITING_TIMES); decision due by the end of "
                        + "4 May 2027",
                "More information asked on the increase request: FTE?; the decision period stops until the provider "
                        + "sends it",
                "The provider sent the information asked for (12 FTE); the request is complete, decision due by the end "
                        + "of 4 May 2027",
                "Increase request rejected: genoeg aanbod (reasons DUTY_OF_CARE_MET)",
                "Ceiling raised above 70 %, 100 % of it: € 8.000,00 of € 12.000,00 counted; these marks are reported "
                        + "again when reached, declarations are paid again",
                "Year settled: € 8.000,00 payable of € 8.000,00 declared against a ceiling of € 12.000,00, € 0,00 "
                        + "left unpaid, € 0,00 clawed back; no more declarations or credits for this year",
                "Recovery after settlement: claw-back of € 50,00 on 1 declaration(s): dubbel");
    }

    @Test
    void declarationsAreSummedUpPerCeilingAndDutchDayNotListedOneByOne() {
        feed.handle(OFFER, agreed(OFFER, 2027));
        List<TrackedEventMessage<?>> morning = feed.at("2027-03-01T09:00:00Z").handle(
                recorded(CEILING, "D-1", 10_000, 10_000, CARE), recorded(CEILING, "D-2", 5_000, 5_000, CARE),
                credited(CEILING, "D-1-credit", "D-1", 2_500, CARE));
        // a later batch of the same day adds to the day
        feed.at("2027-03-01T15:00:00Z").handle(recorded(CEILING, "D-3", 1_000, 1_000, CARE));
        // 23:30 UTC on 1 March is 00:30 on 2 March in Amsterdam: the next Dutch day
        feed.at("2027-03-01T23:30:00Z").handle(recorded(CEILING, "D-4", 700, 700, CARE));

        assertThat(DB.jdbc().queryForMap("""
                SELECT declarations, credits, declared_cents, first_position FROM timeline_declaration_day
                WHERE ceiling_id = ? AND received_on = DATE '2027-03-01'""", CEILING))
                .containsEntry("declarations", 3L).containsEntry("credits", 1L)
                .containsEntry("declared_cents", 13_500L)
                .containsEntry("first_position", morning.get(0).trackingToken().position().orElseThrow());
        assertThat(DB.instant("SELECT last_at FROM timeline_declaration_day WHERE received_on = DATE '2027-03-01'"))
                .isEqualTo(Instant.parse("2027-03-01T15:00:00Z"));
        assertThat(DB.number("SELECT count(*) FROM timeline_entry WHERE event_type IN "
                + "('DeclarationRecorded', 'DeclarationCredited')")).isZero();

        List<TimelineEntry> declared = queries.find(new FindTimeline("C-1")).stream()
                .filter(e -> e.type().equals("DeclarationsReceived")).toList();
        assertThat(declared).containsExactly(
                new TimelineEntry(Instant.parse("2027-03-01T09:00:00Z"), "DeclarationsReceived",
                        "Declarations received on 2027-03-01 for ceiling 2027: 3 accepted, 1 credit(s), net € 135,00",
                        "claims system", 13_500L, CEILING),
                new TimelineEntry(Instant.parse("2027-03-01T23:30:00Z"), "DeclarationsReceived",
                        "Declarations received on 2027-03-02 for ceiling 2027: 1 accepted, net € 7,00",
                        "claims system", 700L, CEILING));
    }

    @Test
    void theDaysDeclarationsStandAtTheMomentTheFirstOfThemCame() {
        feed.at("2027-03-01T08:00:00Z").handle(OFFER, agreed(OFFER, 2027));
        feed.at("2027-03-01T09:00:00Z").handle(recorded(CEILING, "D-1", 800_000, 800_000, CARE));
        feed.at("2027-03-01T10:00:00Z").handle(clawBack(CEILING, "K-1", 50_000, "D-1",
                Instant.parse("2027-03-01T10:00:00Z")));
        feed.at("2027-03-01T11:00:00Z").handle(recorded(CEILING, "D-2", 1_000, 1_000, CARE));

        assertThat(queries.find(new FindTimeline("C-1"))).extracting(TimelineEntry::type)
                .containsExactly("ContractOffered", "CeilingAgreed", "DeclarationsReceived", "ClawBackIssued");
    }

    @Test
    void anEventHandledAgainIsListedOnce() {
        List<TrackedEventMessage<?>> offered = feed.handle(OFFER);

        feed.handleAgain(offered);

        assertThat(queries.find(new FindTimeline("C-1"))).hasSize(1);
        assertThat(DB.text("SELECT event_id FROM timeline_entry")).isEqualTo(offered.get(0).getIdentifier());
    }

    @Test
    void aResetEmptiesTheTimelineForTheReplay() {
        feed.handle(OFFER, agreed(OFFER, 2027));
        feed.handle(recorded(CEILING, "D-1", 10_000, 10_000, CARE));
        assertThat(queries.find(new FindTimeline("C-1"))).hasSize(3);

        feed.reset();

        assertThat(DB.number("SELECT count(*) FROM timeline_entry")).isZero();
        assertThat(DB.number("SELECT count(*) FROM timeline_declaration_day")).isZero();
        assertThat(queries.find(new FindTimeline("C-1"))).isEmpty();
    }
}
