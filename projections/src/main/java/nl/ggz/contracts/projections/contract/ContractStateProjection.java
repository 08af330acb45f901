package nl.ggz.contracts.projections.contract;

import nl.ggz.contracts.domain.shared.PrestatieCode;
import nl.ggz.contracts.jdbc.TableOwner;
import nl.ggz.contracts.domain.contract.ContractAmended;
import nl.ggz.contracts.domain.contract.ContractDeclined;
import nl.ggz.contracts.domain.contract.ContractEnded;
import nl.ggz.contracts.domain.contract.ContractOfferExpired;
import nl.ggz.contracts.domain.contract.ContractOfferWithdrawn;
import nl.ggz.contracts.domain.contract.ContractOffered;
import nl.ggz.contracts.domain.contract.ContractProposalRevised;
import nl.ggz.contracts.domain.contract.ContractSigned;
import nl.ggz.contracts.domain.contract.ContractStatus;
import nl.ggz.contracts.domain.contract.ContractTerminated;
import nl.ggz.contracts.domain.contract.PatientStopAnnounced;
import nl.ggz.contracts.domain.contract.PatientStopLifted;
import nl.ggz.contracts.domain.shared.Setting;
import nl.ggz.contracts.jdbc.SqlArrays;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import static nl.ggz.contracts.jdbc.SqlTime.date;
import static nl.ggz.contracts.jdbc.SqlTime.ts;

/** Current state of every contract, written with its events so that a 2xx answer is visible at once. */
@Component
@ProcessingGroup(ContractStateProjection.PROCESSING_GROUP)
public class ContractStateProjection implements TableOwner {

    public static final String PROCESSING_GROUP = "contract-state";

    @Override
    public List<String> tables() {
        return List.of("contract_state", "patient_stop");
    }

    private final JdbcTemplate jdbc;

    public ContractStateProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ContractOffered e) {
        jdbc.update("""
                INSERT INTO contract_state (contract_id, insurer_uzovi, provider_agb, provider_type, kind, term_start,
                    term_end, settings, tariff_percentage, ceiling_cents, status, offered_at, offer_expires_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?::integer[], ?, ?, ?, ?, ?)
                """,
                e.contractId(), e.insurer().value(), e.provider().value(), e.providerType().name(), e.kind().name(),
                date(e.term().start()), date(e.term().end()), settings(e.settings()), e.tariff().value(),
                e.ceiling().cents(), ContractStatus.OFFERED.name(), ts(e.offeredAt()), ts(e.offerExpiresAt()));
    }

    @EventHandler
    void on(ContractProposalRevised e) {
        jdbc.update("""
                UPDATE contract_state SET proposal_round = ?, last_proposed_by = ?, ceiling_cents = ?,
                    tariff_percentage = ?, settings = ?::integer[] WHERE contract_id = ?
                """,
                e.round(), e.proposedBy().name(), e.ceiling().cents(), e.tariff().value(), settings(e.settings()),
                e.contractId());
    }

    @EventHandler
    void on(ContractSigned e) {
        jdbc.update("UPDATE contract_state SET status = ?, signed_at = ?, signed_by = ? WHERE contract_id = ?",
                ContractStatus.SIGNED.name(), ts(e.signedAt()), e.signedBy(), e.contractId());
    }

    @EventHandler
    void on(ContractDeclined e) {
        close(e.contractId(), ContractStatus.DECLINED, e.declinedAt(), e.reason());
    }

    @EventHandler
    void on(ContractOfferWithdrawn e) {
        close(e.contractId(), ContractStatus.WITHDRAWN, e.withdrawnAt(), e.reason());
    }

    @EventHandler
    void on(ContractOfferExpired e) {
        close(e.contractId(), ContractStatus.EXPIRED, e.expiredAt(), "the offer was not signed in time");
    }

    @EventHandler
    void on(ContractTerminated e) {
        close(e.contractId(), ContractStatus.TERMINATED, e.terminatedAt(), e.reason());
        jdbc.update("UPDATE contract_state SET termination_effective_date = ? WHERE contract_id = ?",
                date(e.effectiveDate()), e.contractId());
    }

    @EventHandler
    void on(ContractEnded e, @Timestamp Instant at) {
        close(e.contractId(), ContractStatus.ENDED, at, "the term ended");
        jdbc.update("UPDATE contract_state SET end_date = ? WHERE contract_id = ?", date(e.endDate()), e.contractId());
    }

    private void close(String contractId, ContractStatus status, Instant at, String reason) {
        jdbc.update("UPDATE contract_state SET status = ?, closed_at = ?, closing_reason = ? WHERE contract_id = ?",
                status.name(), ts(at), reason, contractId);
    }

    @EventHandler
    void on(ContractAmended e) {
        jdbc.update("""
                UPDATE contract_state SET
                    excluded_settings = ARRAY(SELECT DISTINCT unnest(excluded_settings || ?::integer[]) ORDER BY 1),
                    excluded_prestatie_codes = ARRAY(SELECT DISTINCT unnest(excluded_prestatie_codes || ?::text[]) ORDER BY 1)
                WHERE contract_id = ?
                """,
                settings(e.excludedSettings()), SqlArrays.texts(e.excludedPrestatieCodes().stream().map(PrestatieCode::value)
                        .toList()), e.contractId());
    }

    @EventHandler
    void on(PatientStopAnnounced e) {
        jdbc.update("""
                INSERT INTO patient_stop (stop_id, contract_id, reason, from_date, announced_at) VALUES (?, ?, ?, ?, ?)
                """, e.stopId(), e.contractId(), e.reason().name(), date(e.from()), ts(e.announcedAt()));
    }

    @EventHandler
    void on(PatientStopLifted e) {
        jdbc.update("UPDATE patient_stop SET to_date = ?, lifted_at = ? WHERE stop_id = ?",
                date(e.to()), ts(e.liftedAt()), e.stopId());
    }

    private static String settings(Set<Setting> settings) {
        return SqlArrays.ints(settings.stream().map(Setting::number).toList());
    }

}
