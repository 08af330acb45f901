package nl.ggz.contracts.projections.declaration;

import nl.ggz.contracts.jdbc.SqlTime;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static nl.ggz.contracts.jdbc.SqlTime.date;

/** Reads what DeclarationLineProjection writes: a keyset page in declaration order (index on ceiling and position). */
@Component
public class DeclarationLineQueries {

    private static final RowMapper<DeclarationLineView> LINE = (rs, i) -> new DeclarationLineView(
            rs.getString("ceiling_id"), rs.getString("declaration_id"), rs.getLong("position"),
            rs.getDate("treatment_date").toLocalDate(), rs.getString("prestatie_code"), rs.getInt("setting"),
            rs.getLong("amount_cents"), rs.getLong("payable_cents"), rs.getLong("held_cents"),
            rs.getLong("credited_cents"), rs.getLong("clawed_back_cents"), SqlTime.instant(rs, "accepted_at"));

    private final JdbcTemplate jdbc;

    public DeclarationLineQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    public DeclarationLinePage find(FindDeclarationLines query) {
        StringBuilder sql = new StringBuilder("SELECT * FROM declaration_line WHERE ceiling_id = ? AND position > ?");
        List<Object> parameters = new ArrayList<>(List.of(query.ceilingId(), query.after()));
        if (query.status() != null) {
            sql.append(" AND ").append(query.status().condition);
        }
        if (query.from() != null) {
            sql.append(" AND treatment_date >= ?");
            parameters.add(date(query.from()));
        }
        if (query.to() != null) {
            sql.append(" AND treatment_date <= ?");
            parameters.add(date(query.to()));
        }
        // one more than asked: whether there is a next page
        sql.append(" ORDER BY position LIMIT ?");
        parameters.add(query.limit() + 1);
        List<DeclarationLineView> lines = jdbc.query(sql.toString(), LINE, parameters.toArray());
        if (lines.size() <= query.limit()) {
            return new DeclarationLinePage(query.ceilingId(), lines, null);
        }
        List<DeclarationLineView> page = lines.subList(0, query.limit());
        return new DeclarationLinePage(query.ceilingId(), List.copyOf(page), page.get(page.size() - 1).position());
    }

    @QueryHandler
    public Optional<DeclarationLineView> find(FindDeclarationLine query) {
        return jdbc.query("SELECT * FROM declaration_line WHERE ceiling_id = ? AND declaration_id = ?", LINE,
                query.ceilingId(), query.declarationId()).stream().findFirst();
    }
}
