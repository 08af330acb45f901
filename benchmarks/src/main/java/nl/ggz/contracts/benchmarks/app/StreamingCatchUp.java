package nl.ggz.contracts.benchmarks.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Waits until the application's streaming processors (timeline, monitoring, reporting) have applied every event in
 * the store, read from their tokens in the database. A segment with nothing to do stores its token only every few
 * seconds, so a processor also counts as caught up once its furthest segment is at the head and no token moves.
 */
public final class StreamingCatchUp {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration QUIET = Duration.ofSeconds(1);

    private StreamingCatchUp() {
    }

    /** The time it took, or empty when {@code limit} passed first. */
    public static Optional<Duration> await(DataSource app, Duration limit) throws SQLException, InterruptedException {
        long start = System.nanoTime();
        long head = head(app);
        Map<String, Long> previous = Map.of();
        long unchangedSince = System.nanoTime();
        while (System.nanoTime() - start < limit.toNanos()) {
            Map<String, Long> tokens = tokens(app);
            if (!tokens.equals(previous)) {
                previous = tokens;
                unchangedSince = System.nanoTime();
            }
            boolean quiet = System.nanoTime() - unchangedSince >= QUIET.toNanos();
            if (!tokens.isEmpty() && caughtUp(tokens, head, quiet)) {
                return Optional.of(Duration.ofNanos(System.nanoTime() - start));
            }
            Thread.sleep(50);
        }
        return Optional.empty();
    }

    private static boolean caughtUp(Map<String, Long> tokens, long head, boolean quiet) {
        Map<String, Long> furthest = new HashMap<>();
        boolean everySegment = true;
        for (Map.Entry<String, Long> token : tokens.entrySet()) {
            String processor = token.getKey().substring(0, token.getKey().lastIndexOf('/'));
            furthest.merge(processor, token.getValue(), Math::max);
            everySegment &= token.getValue() >= head;
        }
        return everySegment || quiet && furthest.values().stream().allMatch(index -> index >= head);
    }

    private static long head(DataSource app) throws SQLException {
        try (Connection connection = app.getConnection(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT coalesce(max(globalindex), 0) FROM domainevententry")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** "processor/segment" → the global index its token has reached (-1 before its first event). */
    private static Map<String, Long> tokens(DataSource app) throws SQLException {
        Map<String, Long> tokens = new HashMap<>();
        try (Connection connection = app.getConnection(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT processorname, segment, token FROM tokenentry")) {
            while (rs.next()) {
                byte[] token = rs.getBytes(3);
                tokens.put(rs.getString(1) + "/" + rs.getInt(2), token == null ? -1 : index(token));
            }
        }
        return tokens;
    }

    private static long index(byte[] token) {
        try {
            JsonNode json = JSON.readTree(token);
            JsonNode index = json.findValue("index"); // GapAwareTrackingToken, also inside a replay token
            return index == null ? -1 : index.asLong();
        } catch (Exception e) {
            return -1;
        }
    }
}
