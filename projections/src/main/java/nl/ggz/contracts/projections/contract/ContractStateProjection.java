package nl.ggz.contracts.projections.contract;

import nl.ggz.contracts.domain.shared.PrestatieCode;
import nl.ggz.contracts.jdbc.TableOwner;
import nl.ggz.contracts.domain.contract.ContractAmended;
import nl.ggz.contracts.domain.contract.ContractDeclined;
import nl.ggz.contracts.domain.contract.ContractEnded;
import nl.ggz.contracts.domain.contract.ContractOfferExpired;
import nl.ggz.contracts.domain.contract.ContractOfferWithdrawn;
import nl.ggz.contracts.domain.contract.ContractOffered;
import nl.ggz.contracts.domain.contract.ContractProposalAccepted;
import nl.ggz.contracts.domain.contract.ContractProposalAnswerOverdue;
import nl.ggz.contracts.domain.contract.ContractProposalRevised;
import nl.ggz.contracts.domain.contract.ContractRenewed;
import nl.ggz.contracts.domain.contract.ContractSigned;
import nl.ggz.contracts.domain.contract.ContractStatus;
import nl.ggz.contracts.domain.contract.ContractTerminated;
import nl.ggz.contracts.domain.contract.PatientStopAnnounced;
import nl.ggz.contracts.domain.contract.PatientStopLifted;
import nl.ggz.contracts.domain.shared.Setting;
import nl.ggz.contracts.domain.shared.TariffPercentage;
import nl.ggz.contracts.domain.shared.Tariffs;
import nl.ggz.contracts.jdbc.SqlArrays;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static nl.ggz.contracts.jdbc.SqlTime.date;
import static nl.ggz.contracts.jdbc.SqlTime.ts;

/**
 * Current state of every contract, and each of its proposal rounds, written with its events so that a 2xx answer is
 * visible at once.
 */
@Component
@ProcessingGroup(ContractStateProjection.PROCESSING_GROUP)
public class ContractStateProjection implements TableOwner {

    public static final String PROCESSING_GROUP = "contract-state";

    @Override
    public List<String> tables() {
        return List.of("contract_state", "patient_stop", "contract_exclusion", "contract_proposal");
    }

    private final JdbcTemplate jdbc;

    public ContractStateProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ContractOffered e) {
        jdbc.update("""
                INSERT INTO contract_state (contract_id, insurer_uzovi, provider_agb, provider_type, kind, term_start,
                    term_end, settings, tariff_percentage, tariffs, ceiling_cents, status, offered_at, offer_expires_at,
                    excluded_settings, excluded_prestatie_codes, renewal_of)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?::integer[], ?, ?::jsonb, ?, ?, ?, ?, ?::integer[], ?::text[], ?)
                """,
                e.contractId(), e.insurer().value(), e.provider().value(), e.providerType().name(), e.kind().name(),
                date(e.term().start()), date(e.term().end()), settings(e.settings()), uniform(e.tariffs()),
                json(e.tariffs()), e.ceiling().cents(), ContractStatus.OFFERED.name(), ts(e.offeredAt()),
                ts(e.offerExpiresAt()), settings(e.excludedSettings()), codes(e.excludedPrestatieCodes()),
                e.renewalOf());
        // left out by the offer: from the start of the term (seed 002 §5.4)
        excluded(e.contractId(), e.excludedSettings(), e.excludedPrestatieCodes(), e.term().start(), null, null);
        // the offer is round 0 of the proposals side by side, the insurer's
        proposal(e.contractId(), 0, "PURCHASER", e.offeredAt(), e.ceiling().cents(), e.tariffs(), e.settings(), null);
    }

    @EventHandler
    void on(ContractProposalRevised e) {
        jdbc.update("""
                UPDATE contract_state SET proposal_round = ?, last_proposed_by = ?, ceiling_cents = ?,
                    tariff_percentage = ?, tariffs = ?::jsonb, settings = ?::integer[], proposal_accepted = FALSE,
                    accepted_at = NULL, accepted_by = NULL, answer_due_at = ?, answer_overdue = FALSE
                WHERE contract_id = ?
                """,
                e.round(), e.proposedBy().name(), e.ceiling().cents(), uniform(e.tariffs()), json(e.tariffs()),
                settings(e.settings()), ts(e.answerDueAt()), e.contractId());
        proposal(e.contractId(), e.round(), e.proposedBy().name(), e.proposedAt(), e.ceiling().cents(), e.tariffs(),
                e.settings(), e.answerDueAt());
    }

    private void proposal(String contractId, int round, String proposedBy, Instant proposedAt, long ceilingCents,
                          Tariffs tariffs, Set<Setting> settings, Instant answerDueAt) {
        jdbc.update("""
                INSERT INTO contract_proposal (contract_id, round, proposed_by, proposed_at, ceiling_cents, tariffs,
                    settings, answer_due_at)
                VALUES (?, ?, ?, ?, ?, ?::jsonb, ?::integer[], ?)
                """, contractId, round, proposedBy, ts(proposedAt), ceilingCents, json(tariffs), settings(settings),
                ts(answerDueAt));
    }

    @EventHandler
    void on(ContractProposalAccepted e) {
        jdbc.update("UPDATE contract_state SET proposal_accepted = TRUE, accepted_at = ?, accepted_by = ? "
                + "WHERE contract_id = ?", ts(e.acceptedAt()), e.acceptedBy(), e.contractId());
        jdbc.update("UPDATE contract_proposal SET accepted_at = ?, accepted_by = ? WHERE contract_id = ? AND round = ?",
                ts(e.acceptedAt()), e.acceptedBy(), e.contractId(), e.round());
    }

    @EventHandler
    void on(ContractProposalAnswerOverdue e) {
        jdbc.update("UPDATE contract_state SET answer_overdue = TRUE WHERE contract_id = ?", e.contractId());
        jdbc.update("UPDATE contract_proposal SET answer_overdue = TRUE WHERE contract_id = ? AND round = ?",
                e.contractId(), e.round());
    }

    @EventHandler
    void on(ContractSigned e) {
        jdbc.update("""
                UPDATE contract_state SET status = ?, signed_at = ?, signed_by = ?, tariff_percentage = ?,
                    tariffs = ?::jsonb WHERE contract_id = ?
                """, ContractStatus.SIGNED.name(), ts(e.signedAt()), e.signedBy(), uniform(e.tariffs()),
                json(e.tariffs()), e.contractId());
    }

    /** Seed 001: the next term offered from this contract. */
    @EventHandler
    void on(ContractRenewed e) {
        jdbc.update("UPDATE contract_state SET renewed_as = ? WHERE contract_id = ?", e.renewalContractId(),
                e.contractId());
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
                settings(e.excludedSettings()), codes(e.excludedPrestatieCodes()), e.contractId());
        // stored before amendments had a date: from the start of the term
        LocalDate from = e.effectiveDate() != null ? e.effectiveDate() : jdbc.queryForObject(
                "SELECT term_start FROM contract_state WHERE contract_id = ?", LocalDate.class, e.contractId());
        excluded(e.contractId(), e.excludedSettings(), e.excludedPrestatieCodes(), from, e.amendedAt(),
                e.backdatingReason());
    }

    private void excluded(String contractId, Set<Setting> settings, Set<PrestatieCode> codes, LocalDate from,
                          Instant amendedAt, String backdatingReason) {
        for (Setting setting : settings) {
            jdbc.update("""
                    INSERT INTO contract_exclusion (contract_id, setting, effective_from, amended_at, backdating_reason)
                    VALUES (?, ?, ?, ?, ?)
                    """, contractId, setting.number(), date(from), ts(amendedAt), backdatingReason);
        }
        for (PrestatieCode code : codes) {
            jdbc.update("""
                    INSERT INTO contract_exclusion (contract_id, prestatie_code, effective_from, amended_at,
                        backdating_reason)
                    VALUES (?, ?, ?, ?, ?)
                    """, contractId, code.value(), date(from), ts(amendedAt), backdatingReason);
        }
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

    private static String codes(Set<PrestatieCode> codes) {
        return SqlArrays.texts(codes.stream().map(PrestatieCode::value).sorted().toList());
    }

    /** The one tariff of every setting, or NULL when they differ. */
    private static java.math.BigDecimal uniform(Tariffs tariffs) {
        TariffPercentage one = tariffs.uniform();
        return one == null ? null : one.value();
    }

    /** {@code {"2": 92.50, "3": 95.00}}: setting numbers and plain decimals only, so written by hand. */
    private static String json(Tariffs tariffs) {
        return tariffs.bySetting().entrySet().stream()
                .map(t -> "\"" + t.getKey().number() + "\": " + t.getValue().value().toPlainString())
                .collect(Collectors.joining(", ", "{", "}"));
    }

}
