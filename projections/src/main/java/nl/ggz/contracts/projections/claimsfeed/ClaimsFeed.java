package nl.ggz.contracts.projections.claimsfeed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import nl.ggz.contracts.domain.ceiling.CeilingSettled;
import nl.ggz.contracts.domain.ceiling.DeclarationRecorded;
import nl.ggz.contracts.domain.ceiling.DeclarationReduced;
import nl.ggz.contracts.domain.ceiling.HeldDeclarationsReleased;
import nl.ggz.contracts.domain.shared.InsurerCode;
import nl.ggz.contracts.eventstore.CommittedHorizon;
import nl.ggz.contracts.eventstore.EventTable;
import nl.ggz.contracts.eventstore.StoredJson;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The claims system's feed of payable changes, read straight from the event store (no second copy to keep in step):
 * the events of the insurer's ceilings of the four payment-relevant types, in global position, up to the committed
 * horizon so that no position is ever skipped under concurrent writes (see {@link CommittedHorizon}).
 * <p>
 * The insurer's ceilings come from {@code ceiling_state}, written in the same transaction as each ceiling's first
 * event. Each read covers at most {@value #SCAN_WINDOW} positions of the event table (PostgreSQL walks the primary key
 * from {@code after} and joins each row to its ceiling by key), so a read costs the same whether the insurer is busy or
 * quiet among many; a page that is not full says where the next read goes on ({@link ClaimsFeedPage#resumeAfter()}).
 * <p>
 * The webhook dispatcher reads the same entries through this class.
 */
@Component
public class ClaimsFeed {

    public static final int MAX_LIMIT = 1_000;
    static final long SCAN_WINDOW = 200_000;

    static final List<String> TYPES = List.of(DeclarationRecorded.class.getName(),
            HeldDeclarationsReleased.class.getName(), DeclarationReduced.class.getName(),
            CeilingSettled.class.getName());

    private static final ObjectMapper JSON = StoredJson.mapper();

    private final JdbcTemplate jdbc;
    private final CommittedHorizon horizon;

    public ClaimsFeed(JdbcTemplate jdbc, CommittedHorizon horizon) {
        this.jdbc = jdbc;
        this.horizon = horizon;
    }

    /** The insurer's entries after the position, at most {@code limit} (1 to {@value #MAX_LIMIT}). */
    public List<ClaimsFeedEntry> after(InsurerCode insurer, long afterPosition, int limit) {
        return read(insurer, FeedCursor.afterEvent(afterPosition), limit).entries();
    }

    /** A page of the insurer's entries after the cursor, at most {@code limit} (1 to {@value #MAX_LIMIT}). */
    public ClaimsFeedPage read(InsurerCode insurer, FeedCursor after, int limit) {
        return read(insurer, after, limit, horizon.position());
    }

    ClaimsFeedPage read(InsurerCode insurer, FeedCursor after, int limit, long committed) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1 to " + MAX_LIMIT + ", got " + limit);
        }
        // the event at the cursor's position is read again when only some of its lines were read
        long from = after.wholeEvent() ? after.position() + 1 : after.position();
        long upTo = Math.min(committed, from - 1 + SCAN_WINDOW);
        if (upTo < from) {
            return new ClaimsFeedPage(List.of(), after);
        }
        List<ClaimsFeedEntry> entries = new ArrayList<>();
        jdbc.query(con -> {
            var statement = con.prepareStatement("""
                    SELECT e.globalindex, e.eventidentifier, e.payloadtype, e.timestamp, e.payload, c.ceiling_id,
                        c.contract_id
                    FROM %s e JOIN ceiling_state c ON c.ceiling_id = e.aggregateidentifier
                    WHERE e.globalindex >= ? AND e.globalindex <= ? AND c.insurer_uzovi = ?
                      AND e.payloadtype = ANY (?)
                    ORDER BY e.globalindex LIMIT ?
                    """.formatted(EventTable.NAME));
            Array types = con.createArrayOf("text", TYPES.toArray());
            statement.setLong(1, from);
            statement.setLong(2, upTo);
            statement.setString(3, insurer.value());
            statement.setArray(4, types);
            // every event is at least one line
            statement.setInt(5, limit);
            return statement;
        }, (ResultSet row) -> {
            if (entries.size() < limit) {
                entries.addAll(entriesOf(row, after, limit - entries.size()));
            }
        });
        FeedCursor resume = entries.size() == limit ? entries.get(entries.size() - 1).feedCursor()
                : FeedCursor.afterEvent(upTo);
        return new ClaimsFeedPage(entries, resume);
    }

    private static List<ClaimsFeedEntry> entriesOf(ResultSet row, FeedCursor after, int room) throws SQLException {
        long position = row.getLong(1);
        String eventId = row.getString(2);
        String type = row.getString(3);
        Instant at = Instant.parse(row.getString(4));
        JsonNode payload = payload(row.getBytes(5), eventId);
        String ceilingId = row.getString(6);
        String contractId = row.getString(7);
        List<ClaimsFeedEntry> lines = new ArrayList<>();
        if (type.equals(HeldDeclarationsReleased.class.getName())) {
            JsonNode releases = payload.path("releases");
            int first = position == after.position() ? after.index() + 1 : 0;
            for (int i = first; i < releases.size() && lines.size() < room; i++) {
                JsonNode release = releases.get(i);
                long cents = release.path("amount").asLong();
                lines.add(new ClaimsFeedEntry(position + "." + i, position, ClaimsFeedEntryType.HELD_RELEASED, eventId,
                        at, ceilingId, contractId, release.path("declarationId").asText(), null, null, cents, -cents,
                        payload.path("cause").asText(), payload.path("causeId").asText(), null));
            }
        } else if (type.equals(DeclarationRecorded.class.getName())) {
            lines.add(new ClaimsFeedEntry(Long.toString(position), position, ClaimsFeedEntryType.DECLARATION_ACCEPTED,
                    eventId, at, ceilingId, contractId, payload.path("declarationId").asText(),
                    LocalDate.parse(payload.path("treatmentDate").asText()), payload.path("amount").asLong(),
                    payload.path("payable").asLong(), payload.path("unpaid").asLong(), null, null, null));
        } else if (type.equals(DeclarationReduced.class.getName())) {
            long payable = payload.path("payableReduction").asLong();
            long held = payload.path("heldReduction").asLong();
            lines.add(new ClaimsFeedEntry(Long.toString(position), position, ClaimsFeedEntryType.DECLARATION_REDUCED,
                    eventId, at, ceilingId, contractId, payload.path("declarationId").asText(), null, payable + held,
                    -payable, -held, payload.path("cause").asText(), payload.path("causeId").asText(), null));
        } else {
            lines.add(new ClaimsFeedEntry(Long.toString(position), position, ClaimsFeedEntryType.CEILING_SETTLED,
                    eventId, at, ceilingId, contractId, null, null, null, null, null, null, null,
                    new ClaimsFeedEntry.Settlement(payload.path("ceiling").asLong(), payload.path("declared").asLong(),
                            payload.path("payable").asLong(), payload.path("unpaid").asLong(),
                            payload.path("clawedBack").asLong())));
        }
        return lines;
    }

    private static JsonNode payload(byte[] json, String eventId) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("the payload of event " + eventId + " is not JSON", e);
        }
    }
}
