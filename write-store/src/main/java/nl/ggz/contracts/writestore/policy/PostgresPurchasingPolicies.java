package nl.ggz.contracts.writestore.policy;

import nl.ggz.contracts.jdbc.TableOwner;
import nl.ggz.contracts.domain.policy.PolicyParameters;
import nl.ggz.contracts.domain.policy.PurchasingPolicies;
import nl.ggz.contracts.domain.policy.PurchasingPolicyAmended;
import nl.ggz.contracts.domain.policy.PurchasingPolicyPublished;
import nl.ggz.contracts.domain.policy.IncreaseRegime;
import nl.ggz.contracts.domain.shared.ContractKind;
import nl.ggz.contracts.domain.shared.InsurerCode;
import nl.ggz.contracts.domain.shared.ProviderType;
import nl.ggz.contracts.domain.shared.Setting;
import nl.ggz.contracts.jdbc.SqlArrays;
import nl.ggz.contracts.jdbc.SqlTime;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Period;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** The policies in force, written with their events; command handlers read them through {@link PurchasingPolicies}. */
@Component
@ProcessingGroup(PostgresPurchasingPolicies.PROCESSING_GROUP)
public class PostgresPurchasingPolicies implements PurchasingPolicies, TableOwner {

    public static final String PROCESSING_GROUP = "purchasing-policy";

    @Override
    public List<String> tables() {
        return List.of("purchasing_policy");
    }

    private final JdbcTemplate jdbc;

    public PostgresPurchasingPolicies(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(PurchasingPolicyPublished event) {
        upsert(event.insurer(), event.contractYear(), event.parameters());
    }

    @EventHandler
    void on(PurchasingPolicyAmended event) {
        upsert(event.insurer(), event.contractYear(), event.parameters());
    }

    private void upsert(InsurerCode insurer, int year, PolicyParameters p) {
        jdbc.update("""
                INSERT INTO purchasing_policy (insurer_uzovi, contract_year, threshold_percents, increase_cap_percent,
                    increase_window_start, increase_window_end, offer_validity_days,
                    term_years_independent, term_years_institution, term_years_hospital_ward,
                    max_term_years_independent, max_term_years_institution, max_term_years_hospital_ward,
                    settings_independent, settings_institution, settings_hospital_ward, quote_response_days,
                    increase_regime, decision_period_digital, decision_period_negotiated, decision_due_by,
                    claims_cut_off, version)
                VALUES (?, ?, ?::integer[], ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::integer[], ?::integer[], ?::integer[], ?,
                    ?, ?, ?, ?, ?, 1)
                ON CONFLICT (insurer_uzovi, contract_year) DO UPDATE SET
                    threshold_percents = EXCLUDED.threshold_percents,
                    increase_cap_percent = EXCLUDED.increase_cap_percent,
                    increase_window_start = EXCLUDED.increase_window_start,
                    increase_window_end = EXCLUDED.increase_window_end,
                    offer_validity_days = EXCLUDED.offer_validity_days,
                    term_years_independent = EXCLUDED.term_years_independent,
                    term_years_institution = EXCLUDED.term_years_institution,
                    term_years_hospital_ward = EXCLUDED.term_years_hospital_ward,
                    max_term_years_independent = EXCLUDED.max_term_years_independent,
                    max_term_years_institution = EXCLUDED.max_term_years_institution,
                    max_term_years_hospital_ward = EXCLUDED.max_term_years_hospital_ward,
                    settings_independent = EXCLUDED.settings_independent,
                    settings_institution = EXCLUDED.settings_institution,
                    settings_hospital_ward = EXCLUDED.settings_hospital_ward,
                    quote_response_days = EXCLUDED.quote_response_days,
                    increase_regime = EXCLUDED.increase_regime,
                    decision_period_digital = EXCLUDED.decision_period_digital,
                    decision_period_negotiated = EXCLUDED.decision_period_negotiated,
                    decision_due_by = EXCLUDED.decision_due_by,
                    claims_cut_off = EXCLUDED.claims_cut_off,
                    version = purchasing_policy.version + 1
                """,
                insurer.value(), year, SqlArrays.ints(p.thresholdPercents()), p.increaseCapPercent(),
                SqlTime.ts(p.increaseWindowStart()), SqlTime.ts(p.increaseWindowEnd()),
                p.offerValidityDays(), p.termYearsFor(ProviderType.INDEPENDENT),
                p.termYearsFor(ProviderType.INSTITUTION), p.termYearsFor(ProviderType.HOSPITAL_WARD),
                p.maxTermYearsFor(ProviderType.INDEPENDENT), p.maxTermYearsFor(ProviderType.INSTITUTION),
                p.maxTermYearsFor(ProviderType.HOSPITAL_WARD), allowed(p, ProviderType.INDEPENDENT),
                allowed(p, ProviderType.INSTITUTION), allowed(p, ProviderType.HOSPITAL_WARD), p.quoteResponseDays(),
                p.increaseRegime().name(), p.decisionPeriodFor(ContractKind.DIGITAL).toString(),
                p.decisionPeriodFor(ContractKind.NEGOTIATED).toString(), SqlTime.date(p.decisionDueBy()),
                p.claimsCutOff() == null ? null : p.claimsCutOff().toString());
    }

    /** NULL where every setting is allowed. */
    private static String allowed(PolicyParameters p, ProviderType type) {
        return p.settingsAllowedFor(type).map(settings -> SqlArrays.ints(settings.stream().map(Setting::number)
                .sorted().toList())).orElse(null);
    }

    private static Map<ProviderType, Set<Setting>> allowed(ResultSet rs) throws SQLException {
        Map<ProviderType, Set<Setting>> allowed = new EnumMap<>(ProviderType.class);
        for (ProviderType type : ProviderType.values()) {
            String column = "settings_" + type.name().toLowerCase();
            if (rs.getArray(column) != null) {
                allowed.put(type, SqlArrays.intList(rs, column).stream().map(Setting::new).collect(Collectors.toSet()));
            }
        }
        return allowed;
    }

    private static PolicyParameters parameters(ResultSet rs) throws SQLException {
        String cutOff = rs.getString("claims_cut_off");
        java.sql.Date dueBy = rs.getDate("decision_due_by");
        return new PolicyParameters(SqlArrays.intList(rs, "threshold_percents"),
                rs.getInt("increase_cap_percent"),
                SqlTime.instant(rs, "increase_window_start"),
                SqlTime.instant(rs, "increase_window_end"),
                rs.getInt("offer_validity_days"),
                Map.of(ProviderType.INDEPENDENT, rs.getInt("term_years_independent"),
                        ProviderType.INSTITUTION, rs.getInt("term_years_institution"),
                        ProviderType.HOSPITAL_WARD, rs.getInt("term_years_hospital_ward")),
                Map.of(ProviderType.INDEPENDENT, rs.getInt("max_term_years_independent"),
                        ProviderType.INSTITUTION, rs.getInt("max_term_years_institution"),
                        ProviderType.HOSPITAL_WARD, rs.getInt("max_term_years_hospital_ward")),
                allowed(rs), rs.getInt("quote_response_days"),
                IncreaseRegime.valueOf(rs.getString("increase_regime")),
                Map.of(ContractKind.DIGITAL, Period.parse(rs.getString("decision_period_digital")),
                        ContractKind.NEGOTIATED, Period.parse(rs.getString("decision_period_negotiated"))),
                dueBy == null ? null : dueBy.toLocalDate(), cutOff == null ? null : Period.parse(cutOff));
    }

    @Override
    public PolicyParameters inForce(InsurerCode insurer, int contractYear) {
        return find(new FindPolicy(insurer, contractYear)).parameters();
    }

    @QueryHandler
    public PolicyView find(FindPolicy query) {
        List<PolicyView> found = jdbc.query("SELECT * FROM purchasing_policy WHERE insurer_uzovi = ? AND contract_year = ?",
                (rs, i) -> new PolicyView(rs.getString("insurer_uzovi"), rs.getInt("contract_year"), true,
                        rs.getInt("version"),
                        parameters(rs)),
                query.insurer().value(), query.contractYear());
        return found.isEmpty()
                ? new PolicyView(query.insurer().value(), query.contractYear(), false, 0,
                        PolicyParameters.defaults(query.contractYear()))
                : found.get(0);
    }
}
