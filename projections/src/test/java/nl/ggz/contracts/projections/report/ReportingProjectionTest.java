package nl.ggz.contracts.projections.report;

import nl.ggz.contracts.domain.ceiling.IncreaseDecisionOverdue;
import nl.ggz.contracts.domain.contract.ContractDeclined;
import nl.ggz.contracts.domain.contract.ContractEnded;
import nl.ggz.contracts.domain.contract.ContractOfferExpired;
import nl.ggz.contracts.domain.contract.ContractOfferWithdrawn;
import nl.ggz.contracts.domain.contract.ContractOffered;
import nl.ggz.contracts.domain.contract.ContractTerminated;
import nl.ggz.contracts.domain.contract.PatientStopReason;
import nl.ggz.contracts.projections.EventFeed;
import nl.ggz.contracts.projections.ReadModelDatabase;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static nl.ggz.contracts.projections.Events.approved;
import static nl.ggz.contracts.projections.Events.euros;
import static nl.ggz.contracts.projections.Events.exhausted;
import static nl.ggz.contracts.projections.Events.offered;
import static nl.ggz.contracts.projections.Events.rejected;
import static nl.ggz.contracts.projections.Events.requested;
import static nl.ggz.contracts.projections.Events.signed;
import static nl.ggz.contracts.projections.Events.stopAnnounced;
import static nl.ggz.contracts.projections.Events.stopLifted;
import static org.assertj.core.api.Assertions.assertThat;

/** The facts behind the reports (seed 003), each written from its own event: contracts, exhaustion, stops, requests. */
class ReportingProjectionTest {

    private static final ReadModelDatabase DB = ReadModelDatabase.get();
    private static final Instant SIGNED_AT = Instant.parse("2026-11-02T10:00:00Z");

    private final ReportingProjection reporting = new ReportingProjection(DB.jdbc());
    private final EventFeed feed = new EventFeed(DB, reporting);

    @BeforeEach
    void empty() {
        DB.empty(reporting);
    }

    @Test
    void aContractCountsAsSignedFromItsSignatureWhateverBecomesOfItLater() {
        ContractOffered offer = offered("C-1", 2027, 1_000);
        ContractOffered ended = offered("C-E", 2027, 1_000);
        feed.handle(offer);
        assertThat(DB.text("SELECT status || ' ' || signed FROM report_contract WHERE contract_id = 'C-1'"))
                .isEqualTo("OFFERED false");

        feed.handle(signed(offer, SIGNED_AT), ended, signed(ended, SIGNED_AT));
        feed.handle(new ContractTerminated("C-1", "quality", LocalDate.of(2027, 6, 30), SIGNED_AT, List.of("C-1-2027")),
                new ContractEnded("C-E", LocalDate.of(2027, 12, 31)));

        assertThat(DB.text("SELECT status || ' ' || signed FROM report_contract WHERE contract_id = 'C-1'"))
                .isEqualTo("TERMINATED true");
        assertThat(DB.date("SELECT termination_effective_date FROM report_contract WHERE contract_id = 'C-1'"))
                .isEqualTo(LocalDate.of(2027, 6, 30));
        assertThat(DB.text("SELECT status || ' ' || signed FROM report_contract WHERE contract_id = 'C-E'"))
                .isEqualTo("ENDED true");
        assertThat(DB.jdbc().queryForMap("""
                SELECT insurer_uzovi, provider_agb, provider_type, term_start::text AS term_start,
                       term_end::text AS term_end FROM report_contract WHERE contract_id = 'C-1'"""))
                .containsEntry("insurer_uzovi", "3311").containsEntry("provider_agb", "94001234")
                .containsEntry("provider_type", "INSTITUTION").containsEntry("term_start", "2027-01-01")
                .containsEntry("term_end", "2027-12-31");
    }

    @Test
    void anOfferClosedUnsignedIsNeverCountedAsSigned() {
        Instant closed = Instant.parse("2026-11-15T16:00:00Z");
        feed.handle(offered("C-D", 2027, 1_000), offered("C-W", 2027, 1_000), offered("C-X", 2027, 1_000));
        feed.handle(new ContractDeclined("C-D", "tariff", closed), new ContractOfferWithdrawn("C-W", "error", closed),
                new ContractOfferExpired("C-X", closed));

        assertThat(DB.texts("SELECT contract_id || ' ' || status || ' ' || signed FROM report_contract "
                + "ORDER BY contract_id")).containsExactly("C-D DECLINED false", "C-W WITHDRAWN false",
                "C-X EXPIRED false");
    }

    @Test
    void anExhaustedCeilingIsRecordedOncePerContractAndYear() {
        Instant first = Instant.parse("2027-09-01T10:00:00Z");
        List<TrackedEventMessage<?>> exhaustion = feed.at(first).handle(exhausted("C-1-X-2027", 1_000, 1_000));
        feed.at("2027-09-02T10:00:00Z").handleAgain(exhaustion);
        feed.handle(exhausted("C-1-X-2028", 1_000, 1_000));

        // the ceiling id names contract and year: contract ids may hold dashes themselves
        assertThat(DB.texts("SELECT contract_id || ' ' || contract_year || ' ' || ceiling_id "
                + "FROM report_ceiling_exhausted ORDER BY contract_year"))
                .containsExactly("C-1-X 2027 C-1-X-2027", "C-1-X 2028 C-1-X-2028");
        assertThat(DB.instant("SELECT exhausted_at FROM report_ceiling_exhausted WHERE contract_year = 2027"))
                .isEqualTo(first);
    }

    @Test
    void aStopIsRecordedWhenAnnouncedAndClosedWhenLiftedEvenIfTheAnnouncementWasMissed() {
        LocalDate march = LocalDate.of(2027, 3, 1);
        feed.handle(stopAnnounced("C-1", "S-1", PatientStopReason.CAPACITY, march),
                stopAnnounced("C-1", "S-2", PatientStopReason.CEILING_REACHED, LocalDate.of(2027, 9, 1)));
        feed.handle(stopLifted("C-1", "S-1", PatientStopReason.CAPACITY, march, LocalDate.of(2027, 4, 15)),
                stopLifted("C-2", "S-3", PatientStopReason.CAPACITY, march, LocalDate.of(2027, 3, 20)));

        assertThat(DB.texts("""
                SELECT stop_id || ' ' || contract_id || ' ' || reason || ' ' || from_date || ' ' || coalesce(to_date::text, '-')
                FROM report_patient_stop ORDER BY stop_id"""))
                .containsExactly("S-1 C-1 CAPACITY 2027-03-01 2027-04-15", "S-2 C-1 CEILING_REACHED 2027-09-01 -",
                        "S-3 C-2 CAPACITY 2027-03-01 2027-03-20");
    }

    @Test
    void anIncreaseRequestKeepsItsContractYearDecisionAndLateness() {
        Instant asked = Instant.parse("2027-04-01T08:00:00Z");
        Instant decided = Instant.parse("2027-06-15T08:00:00Z");
        feed.handle(requested("C-1-2027", "R-1", 1_000, asked), requested("C-1-2027", "R-2", 1_000, asked),
                requested("C-1-2027", "R-3", 1_000, asked));
        feed.handle(new IncreaseDecisionOverdue("C-1-2027", "R-2", asked.plus(java.time.Duration.ofDays(28))),
                approved("C-1-2027", "R-1", 1_000, "A-1", decided), rejected("C-1-2027", "R-2", decided));

        assertThat(DB.texts("""
                SELECT request_id || ' ' || contract_id || ' ' || contract_year || ' ' || coalesce(decision, '-')
                       || ' ' || overdue
                FROM report_increase_request ORDER BY request_id"""))
                .containsExactly("R-1 C-1 2027 APPROVED false", "R-2 C-1 2027 REJECTED true", "R-3 C-1 2027 - false");
        assertThat(DB.instant("SELECT requested_at FROM report_increase_request WHERE request_id = 'R-3'"))
                .isEqualTo(asked);
        assertThat(DB.instant("SELECT decided_at FROM report_increase_request WHERE request_id = 'R-1'"))
                .isEqualTo(decided);
    }

    @Test
    void aResetEmptiesEveryReportTable() {
        ContractOffered offer = offered("C-1", 2027, 1_000);
        feed.handle(offer, signed(offer, SIGNED_AT), exhausted("C-1-2027", 1_000, 1_000),
                stopAnnounced("C-1", "S-1", PatientStopReason.CEILING_REACHED, LocalDate.of(2027, 9, 1)),
                requested("C-1-2027", "R-1", 1_000, Instant.parse("2027-04-01T08:00:00Z")),
                new nl.ggz.contracts.domain.ceiling.CeilingSettled("C-1-2027", Instant.parse("2028-02-01T08:00:00Z"),
                        euros(1_000), euros(1_000), euros(1_000), euros(1_000), euros(0), euros(0), euros(0)));
        for (String table : reporting.tables()) {
            assertThat(DB.number("SELECT count(*) FROM " + table)).as(table).isPositive();
        }

        feed.reset();

        for (String table : reporting.tables()) {
            assertThat(DB.number("SELECT count(*) FROM " + table)).as(table).isZero();
        }
    }
}
