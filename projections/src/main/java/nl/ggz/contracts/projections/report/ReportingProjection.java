package nl.ggz.contracts.projections.report;

import nl.ggz.contracts.jdbc.TableOwner;
import nl.ggz.contracts.domain.ceiling.CeilingExhausted;
import nl.ggz.contracts.domain.ceiling.CeilingIds;
import nl.ggz.contracts.domain.ceiling.CeilingSettled;
import nl.ggz.contracts.domain.ceiling.CeilingThresholdsCleared;
import nl.ggz.contracts.domain.ceiling.IncreaseApproved;
import nl.ggz.contracts.domain.ceiling.IncreaseDecisionOverdue;
import nl.ggz.contracts.domain.ceiling.IncreaseRejected;
import nl.ggz.contracts.domain.ceiling.IncreaseRequestCompleted;
import nl.ggz.contracts.domain.ceiling.IncreaseRequested;
import nl.ggz.contracts.domain.contract.ContractDeclined;
import nl.ggz.contracts.domain.contract.ContractEnded;
import nl.ggz.contracts.domain.contract.ContractOfferExpired;
import nl.ggz.contracts.domain.contract.ContractOfferWithdrawn;
import nl.ggz.contracts.domain.contract.ContractOffered;
import nl.ggz.contracts.domain.contract.ContractSigned;
import nl.ggz.contracts.domain.contract.ContractStatus;
import nl.ggz.contracts.domain.contract.ContractTerminated;
import nl.ggz.contracts.domain.contract.PatientStopAnnounced;
import nl.ggz.contracts.domain.contract.PatientStopLifted;
import nl.ggz.contracts.jdbc.SqlArrays;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;
import java.time.Instant;

import static nl.ggz.contracts.jdbc.SqlTime.date;
import static nl.ggz.contracts.jdbc.SqlTime.ts;

/**
 * The facts behind the patient-stop report and the NZa contracting-monitor figures (seed 003): contracts, ceilings
 * exhausted per year, patient stops, increase requests and settled years, in tables of their own (V4__reports.sql,
 * V21). Built by a
 * streaming processor, so the reports may lag the write by a moment; the figures are counted by SQL when asked for.
 * <p>
 * Contract and ceiling events are different aggregates and may be handled by different segments in either order, so
 * no handler reads another table: each writes its own rows and the reports join them. Every write is an upsert or an
 * update to a value carried by the event, so handling an event again (a retried batch, a replay) changes nothing.
 */
@Component
@ProcessingGroup(ReportingProjection.PROCESSING_GROUP)
public class ReportingProjection implements TableOwner {

    public static final String PROCESSING_GROUP = "reporting";

    @Override
    public List<String> tables() {
        return List.of("report_contract", "report_ceiling_exhausted", "report_patient_stop", "report_increase_request",
                "report_ceiling_settled");
    }

    private final JdbcTemplate jdbc;

    public ReportingProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A rebuild resets the processor's tokens and replays every event into empty tables. */
    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM report_contract");
        jdbc.update("DELETE FROM report_ceiling_exhausted");
        jdbc.update("DELETE FROM report_patient_stop");
        jdbc.update("DELETE FROM report_increase_request");
        jdbc.update("DELETE FROM report_ceiling_settled");
    }

    @EventHandler
    void on(ContractOffered e) {
        jdbc.update("""
                INSERT INTO report_contract (contract_id, insurer_uzovi, provider_agb, provider_type, term_start,
                    term_end, status)
                VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (contract_id) DO NOTHING
                """,
                e.contractId(), e.insurer().value(), e.provider().value(), e.providerType().name(),
                date(e.term().start()), date(e.term().end()), ContractStatus.OFFERED.name());
    }

    @EventHandler
    void on(ContractSigned e) {
        jdbc.update("UPDATE report_contract SET status = ?, signed = TRUE WHERE contract_id = ?",
                ContractStatus.SIGNED.name(), e.contractId());
    }

    @EventHandler
    void on(ContractDeclined e) {
        status(e.contractId(), ContractStatus.DECLINED);
    }

    @EventHandler
    void on(ContractOfferWithdrawn e) {
        status(e.contractId(), ContractStatus.WITHDRAWN);
    }

    @EventHandler
    void on(ContractOfferExpired e) {
        status(e.contractId(), ContractStatus.EXPIRED);
    }

    /** Care after the effective date is not covered: the contract no longer counts for later years of its term. */
    @EventHandler
    void on(ContractTerminated e) {
        jdbc.update("UPDATE report_contract SET status = ?, termination_effective_date = ? WHERE contract_id = ?",
                ContractStatus.TERMINATED.name(), date(e.effectiveDate()), e.contractId());
    }

    @EventHandler
    void on(ContractEnded e) {
        status(e.contractId(), ContractStatus.ENDED);
    }

    private void status(String contractId, ContractStatus status) {
        jdbc.update("UPDATE report_contract SET status = ? WHERE contract_id = ?", status.name(), contractId);
    }

    /** Seed 003 §4.1: the share of contracts that ran into their ceiling; the ceiling id names contract and year. */
    @EventHandler
    void on(CeilingExhausted e, @Timestamp Instant at) {
        jdbc.update("""
                INSERT INTO report_ceiling_exhausted (contract_id, contract_year, ceiling_id, exhausted_at)
                VALUES (?, ?, ?, ?) ON CONFLICT (contract_id, contract_year) DO NOTHING
                """,
                CeilingIds.contractIdOf(e.ceilingId()), CeilingIds.yearOf(e.ceilingId()), e.ceilingId(), ts(at));
    }

    /** Seed 003 §4.3: stops by reason (ceiling reached, lack of capacity or staff) and by duration. */
    @EventHandler
    void on(PatientStopAnnounced e) {
        jdbc.update("""
                INSERT INTO report_patient_stop (stop_id, contract_id, reason, from_date) VALUES (?, ?, ?, ?)
                ON CONFLICT (stop_id) DO NOTHING
                """,
                e.stopId(), e.contractId(), e.reason().name(), date(e.from()));
    }

    /** The lifting carries the whole stop, so it is recorded even if the announcement were missing. */
    @EventHandler
    void on(PatientStopLifted e) {
        jdbc.update("""
                INSERT INTO report_patient_stop (stop_id, contract_id, reason, from_date, to_date) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (stop_id) DO UPDATE SET to_date = EXCLUDED.to_date
                """,
                e.stopId(), e.contractId(), e.reason().name(), date(e.from()), date(e.to()));
    }

    /**
     * A raise that lifted the ceiling in force above what is counted: the contract is no longer at its ceiling that
     * year (seed 001: the ceiling in force) — until it runs into the raised one ({@link CeilingExhausted} again).
     */
    @EventHandler
    void on(CeilingThresholdsCleared e) {
        if (e.exhaustionCleared()) {
            jdbc.update("DELETE FROM report_ceiling_exhausted WHERE ceiling_id = ?", e.ceilingId());
        }
    }

    /** Seed 000: the year is settled (afrekening) with these final figures. */
    @EventHandler
    void on(CeilingSettled e) {
        jdbc.update("""
                INSERT INTO report_ceiling_settled (ceiling_id, contract_id, contract_year, settled_at, payable_cents,
                    unpaid_cents) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (ceiling_id) DO NOTHING
                """,
                e.ceilingId(), CeilingIds.contractIdOf(e.ceilingId()), CeilingIds.yearOf(e.ceilingId()),
                ts(e.settledAt()), e.payable().cents(), e.unpaid().cents());
    }

    /**
     * Seed 003 §4.2: requests for more (bijcontractering), the share honoured, and how long a decision took — counted
     * from the moment the request was complete (seed 001: "wanneer de verhogingsaanvraag compleet is").
     */
    @EventHandler
    void on(IncreaseRequested e) {
        jdbc.update("""
                INSERT INTO report_increase_request (request_id, ceiling_id, contract_id, contract_year, requested_at,
                    complete_at)
                VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (request_id) DO NOTHING
                """,
                e.requestId(), e.ceilingId(), CeilingIds.contractIdOf(e.ceilingId()), CeilingIds.yearOf(e.ceilingId()),
                ts(e.requestedAt()), ts(e.requestedAt()));
    }

    /** The information asked for came in: the request is complete from now (seed 001). */
    @EventHandler
    void on(IncreaseRequestCompleted e) {
        jdbc.update("UPDATE report_increase_request SET complete_at = ? WHERE request_id = ?", ts(e.completedAt()),
                e.requestId());
    }

    @EventHandler
    void on(IncreaseApproved e) {
        decided(e.requestId(), IncreaseDecision.APPROVED, e.decidedAt());
    }

    /** Seed 003 §4.2: the NZa asks why requests were refused; the reasons are counted per provider type. */
    @EventHandler
    void on(IncreaseRejected e) {
        decided(e.requestId(), IncreaseDecision.REJECTED, e.decidedAt());
        jdbc.update("UPDATE report_increase_request SET rejection_reasons = ?::text[] WHERE request_id = ?",
                SqlArrays.texts(e.reasons().stream().map(Enum::name).toList()), e.requestId());
    }

    private void decided(String requestId, IncreaseDecision decision, Instant decidedAt) {
        jdbc.update("UPDATE report_increase_request SET decision = ?, decided_at = ? WHERE request_id = ?",
                decision.name(), ts(decidedAt), requestId);
    }

    @EventHandler
    void on(IncreaseDecisionOverdue e) {
        jdbc.update("UPDATE report_increase_request SET overdue = TRUE WHERE request_id = ?", e.requestId());
    }
}
