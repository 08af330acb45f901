package nl.ggz.contracts.api.operations;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Where the last rebuild of the streaming read models stands (or, before any rebuild, where the groups stand).
 *
 * @param state           IDLE (no rebuild since this node started), RUNNING, DONE or FAILED
 * @param done            every rebuilt group caught up with the head as it was when the rebuild started
 * @param events          events in the store when the rebuild started: what each group replays
 * @param eventsPerSecond the rebuild's speed: {@code events} over the time until the last group caught up
 */
public record RebuildProgress(String state, boolean done, Instant startedAt, Long elapsedMillis, long head,
                              Long events, Double eventsPerSecond, String failure, List<GroupProgress> groups) {

    /** One line for a terminal: what bin/rebuild-read-models prints every second. */
    public String line() {
        String groupsLine = groups.stream().map(RebuildProgress::line).collect(Collectors.joining(" | "));
        if (done) {
            return String.format(Locale.ROOT, "DONE in %.1f s: %d events, rebuild %,.0f events/s | %s",
                    elapsedMillis / 1000.0, events, eventsPerSecond, groupsLine);
        }
        if ("FAILED".equals(state)) {
            return "FAILED: " + failure + " | " + groupsLine;
        }
        String elapsed = elapsedMillis == null ? "" : String.format(Locale.ROOT, " %.1f s", elapsedMillis / 1000.0);
        return state + elapsed + " | " + groupsLine;
    }

    private static String line(GroupProgress group) {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "%s %d/%d", group.group(),
                group.position(), group.head()));
        if (group.done()) {
            text.append(" done");
        } else if (group.replaying()) {
            text.append(" replaying");
        } else if (group.caughtUp()) {
            text.append(" caught up");
        }
        if (group.error()) {
            text.append(" ERROR (see the log)");
        }
        if (group.eventsPerSecond() != null) {
            text.append(String.format(Locale.ROOT, " %,.0f events/s", group.eventsPerSecond()));
        }
        return text.toString();
    }
}
