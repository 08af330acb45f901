package nl.ggz.contracts.projections.contract;

import nl.ggz.contracts.jdbc.SqlArrays;
import nl.ggz.contracts.jdbc.SqlTime;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads what ContractStateProjection writes. */
@Component
public class ContractQueries {

    private final JdbcTemplate jdbc;

    public ContractQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    public List<ContractSummary> find(FindContracts query) {
        return jdbc.query("""
                SELECT contract_id, insurer_uzovi, provider_agb, provider_type, kind, term_start, term_end, status,
                       ceiling_cents
                FROM contract_state
                WHERE (?::text IS NULL OR insurer_uzovi = ?)
                  AND (?::int IS NULL OR ? BETWEEN EXTRACT(YEAR FROM term_start) AND EXTRACT(YEAR FROM term_end))
                  AND (?::text IS NULL OR status = ?)
                  AND (?::text IS NULL OR provider_agb = ?)
                ORDER BY term_start DESC, insurer_uzovi, provider_agb, contract_id
                LIMIT ?
                """,
                (rs, i) -> new ContractSummary(rs.getString("contract_id"), rs.getString("insurer_uzovi"),
                        rs.getString("provider_agb"), rs.getString("provider_type"), rs.getString("kind"),
                        SqlTime.localDate(rs, "term_start"), SqlTime.localDate(rs, "term_end"), rs.getString("status"),
                        rs.getLong("ceiling_cents")),
                query.insurer(), query.insurer(), query.year(), query.year(), query.status(), query.status(),
                query.provider(), query.provider(), query.limit());
    }

    @QueryHandler
    public Optional<ContractView> find(FindContract query) {
        List<ContractView.CeilingRef> ceilings = jdbc.query("""
                SELECT ceiling_id, contract_year, ceiling_cents, settled_at FROM ceiling_state WHERE contract_id = ?
                ORDER BY contract_year
                """,
                (rs, i) -> new ContractView.CeilingRef(rs.getString(1), rs.getInt(2), rs.getLong(3),
                        SqlTime.instant(rs, "settled_at")),
                query.contractId());
        List<ContractView.PatientStopView> stops = jdbc.query("""
                SELECT * FROM patient_stop WHERE contract_id = ? ORDER BY from_date, announced_at
                """,
                (rs, i) -> new ContractView.PatientStopView(rs.getString("stop_id"), rs.getString("reason"),
                        SqlTime.localDate(rs, "from_date"), SqlTime.localDate(rs, "to_date"),
                        SqlTime.instant(rs, "announced_at"), SqlTime.instant(rs, "lifted_at")),
                query.contractId());
        Map<String, BigDecimal> tariffs = new LinkedHashMap<>();
        jdbc.query("""
                SELECT t.key, t.value::numeric FROM contract_state, jsonb_each_text(tariffs) AS t
                WHERE contract_id = ? ORDER BY t.key::integer
                """, rs -> {
            tariffs.put(rs.getString(1), rs.getBigDecimal(2).setScale(2));
        }, query.contractId());
        List<ContractView.Exclusion> exclusions = jdbc.query("""
                SELECT * FROM contract_exclusion WHERE contract_id = ?
                ORDER BY effective_from, setting NULLS LAST, prestatie_code
                """,
                (rs, i) -> new ContractView.Exclusion((Integer) rs.getObject("setting"), rs.getString("prestatie_code"),
                        SqlTime.localDate(rs, "effective_from"), SqlTime.instant(rs, "amended_at"),
                        rs.getString("backdating_reason")),
                query.contractId());
        return jdbc.query("SELECT * FROM contract_state WHERE contract_id = ?",
                (rs, i) -> new ContractView(rs.getString("contract_id"), rs.getString("insurer_uzovi"),
                        rs.getString("provider_agb"), rs.getString("provider_type"), rs.getString("kind"),
                        SqlTime.localDate(rs, "term_start"), SqlTime.localDate(rs, "term_end"),
                        SqlArrays.intList(rs, "settings"), rs.getBigDecimal("tariff_percentage"), tariffs,
                        rs.getLong("ceiling_cents"), rs.getString("status"), SqlTime.instant(rs, "offered_at"),
                        SqlTime.instant(rs, "offer_expires_at"), rs.getInt("proposal_round"),
                        rs.getString("last_proposed_by"), rs.getBoolean("proposal_accepted"),
                        SqlTime.instant(rs, "accepted_at"), rs.getString("accepted_by"),
                        "OFFERED".equals(rs.getString("status")) && "PROVIDER".equals(rs.getString("last_proposed_by"))
                                && !rs.getBoolean("proposal_accepted"),
                        SqlTime.instant(rs, "answer_due_at"), rs.getBoolean("answer_overdue"),
                        SqlTime.instant(rs, "signed_at"), rs.getString("signed_by"),
                        SqlTime.instant(rs, "closed_at"), rs.getString("closing_reason"),
                        SqlTime.localDate(rs, "termination_effective_date"),
                        SqlArrays.intList(rs, "excluded_settings"), SqlArrays.textList(rs, "excluded_prestatie_codes"),
                        exclusions, ceilings, stops, rs.getString("renewal_of"), rs.getString("renewed_as")),
                query.contractId()).stream().findFirst();
    }

    @QueryHandler
    public List<ProposalRound> find(FindProposalRounds query) {
        Map<Integer, Map<String, BigDecimal>> tariffs = new LinkedHashMap<>();
        jdbc.query("""
                SELECT round, t.key, t.value::numeric FROM contract_proposal, jsonb_each_text(tariffs) AS t
                WHERE contract_id = ? ORDER BY round, t.key::integer
                """, rs -> {
            tariffs.computeIfAbsent(rs.getInt(1), round -> new LinkedHashMap<>())
                    .put(rs.getString(2), rs.getBigDecimal(3).setScale(2));
        }, query.contractId());
        return jdbc.query("""
                SELECT p.*, c.status, c.signed_at IS NOT NULL AS signed,
                       p.round = MAX(p.round) OVER () AS latest
                FROM contract_proposal p JOIN contract_state c ON c.contract_id = p.contract_id
                WHERE p.contract_id = ? ORDER BY p.round
                """,
                (rs, i) -> {
                    Map<String, BigDecimal> bySetting = tariffs.getOrDefault(rs.getInt("round"), Map.of());
                    return new ProposalRound(rs.getInt("round"), rs.getString("proposed_by"),
                            SqlTime.instant(rs, "proposed_at"), rs.getLong("ceiling_cents"), uniform(bySetting), bySetting,
                            SqlArrays.intList(rs, "settings"), SqlTime.instant(rs, "answer_due_at"),
                            rs.getBoolean("answer_overdue"), SqlTime.instant(rs, "accepted_at"),
                            rs.getString("accepted_by"), standing(rs.getBoolean("latest"), rs.getString("status"),
                                    rs.getBoolean("signed")));
                },
                query.contractId());
    }

    private static BigDecimal uniform(Map<String, BigDecimal> tariffs) {
        List<BigDecimal> distinct = tariffs.values().stream().distinct().toList();
        return distinct.size() == 1 ? distinct.get(0) : null;
    }

    private static ProposalRound.Standing standing(boolean latest, String status, boolean signed) {
        if (!latest) {
            return ProposalRound.Standing.SUPERSEDED;
        }
        if (signed) {
            return ProposalRound.Standing.SIGNED;
        }
        return "OFFERED".equals(status) ? ProposalRound.Standing.ON_THE_TABLE : ProposalRound.Standing.CLOSED;
    }

    /**
     * The insurer's contracts in the given statuses whose term ends in the year, with the ceiling of that last year as
     * it stands (initial amount plus signed raises): what the yearly renewal works through (seed 001).
     */
    @QueryHandler
    public List<ContractEnding> find(FindContractsEndingIn query) {
        return jdbc.query("""
                SELECT c.contract_id, c.provider_agb, c.provider_type, c.kind, c.term_end, c.status, c.renewed_as,
                       s.ceiling_id, s.ceiling_cents
                FROM contract_state c
                LEFT JOIN ceiling_state s ON s.contract_id = c.contract_id
                    AND s.contract_year = EXTRACT(YEAR FROM c.term_end)
                WHERE c.insurer_uzovi = ?
                  AND c.term_end BETWEEN make_date(?, 1, 1) AND make_date(?, 12, 31)
                  AND c.status = ANY (?::text[])
                  AND (?::text IS NULL OR c.provider_type = ?)
                  AND (?::text IS NULL OR c.kind = ?)
                ORDER BY c.provider_agb, c.contract_id
                """,
                (rs, i) -> new ContractEnding(rs.getString("contract_id"), rs.getString("provider_agb"),
                        rs.getString("provider_type"), rs.getString("kind"), SqlTime.localDate(rs, "term_end"),
                        rs.getString("status"), rs.getString("renewed_as"), rs.getString("ceiling_id"),
                        (Long) rs.getObject("ceiling_cents")),
                query.insurer(), query.year(), query.year(), SqlArrays.texts(query.statuses()),
                query.providerType(), query.providerType(), query.kind(), query.kind());
    }

    /** One query for a whole claims batch, instead of the full contract view per contract. */
    @QueryHandler
    public List<DeclarationRoute> find(FindDeclarationRoutes query) {
        return jdbc.query("""
                SELECT c.contract_id, c.insurer_uzovi, c.status, c.signed_at IS NOT NULL AS signed, c.term_start,
                       c.term_end, array_remove(array_agg(s.ceiling_id ORDER BY s.contract_year), NULL) AS ceilings
                FROM contract_state c LEFT JOIN ceiling_state s ON s.contract_id = c.contract_id
                WHERE c.contract_id = ANY (?::text[])
                GROUP BY c.contract_id
                """,
                (rs, i) -> new DeclarationRoute(rs.getString("contract_id"), rs.getString("insurer_uzovi"),
                        rs.getString("status"), rs.getBoolean("signed"), SqlTime.localDate(rs, "term_start"),
                        SqlTime.localDate(rs, "term_end"), SqlArrays.textList(rs, "ceilings")),
                SqlArrays.texts(query.contractIds()));
    }
}
