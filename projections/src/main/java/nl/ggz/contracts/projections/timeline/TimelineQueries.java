package nl.ggz.contracts.projections.timeline;

import nl.ggz.contracts.domain.ceiling.CeilingIds;
import nl.ggz.contracts.domain.shared.Money;
import nl.ggz.contracts.jdbc.SqlTime;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Reads what TimelineProjection writes. */
@Component
public class TimelineQueries {

    private final JdbcTemplate jdbc;

    public TimelineQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    public List<TimelineEntry> find(FindTimeline query) {
        List<Sortable> rows = new ArrayList<>();
        jdbc.query("SELECT * FROM timeline_entry WHERE contract_id = ?", rs -> {
            Long amount = (Long) rs.getObject("amount_cents");
            rows.add(new Sortable(rs.getLong("position"), new TimelineEntry(SqlTime.instant(rs, "occurred_at"),
                    rs.getString("event_type"), rs.getString("description"), rs.getString("actor"), amount,
                    rs.getString("ceiling_id"))));
        }, query.contractId());
        jdbc.query("SELECT * FROM timeline_declaration_day WHERE contract_id = ?", rs -> {
            long count = rs.getLong("declarations");
            long credits = rs.getLong("credits");
            Money declared = Money.cents(rs.getLong("declared_cents"));
            String text = "Declarations received on " + rs.getDate("received_on") + " for ceiling "
                    + CeilingIds.yearOf(rs.getString("ceiling_id")) + ": " + count + " accepted"
                    + (credits > 0 ? ", " + credits + " credit(s)" : "") + ", net " + declared;
            rows.add(new Sortable(rs.getLong("first_position"), new TimelineEntry(SqlTime.instant(rs, "first_at"),
                    "DeclarationsReceived", text, "claims system", declared.cents(), rs.getString("ceiling_id"))));
        }, query.contractId());
        return rows.stream()
                .sorted(Comparator.comparing((Sortable s) -> s.entry().at()).thenComparingLong(Sortable::position))
                .map(Sortable::entry)
                .toList();
    }

    private record Sortable(long position, TimelineEntry entry) {
    }
}
