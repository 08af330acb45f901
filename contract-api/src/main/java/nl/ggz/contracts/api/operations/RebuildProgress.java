package nl.ggz.contracts.api.operations;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Where the last rebuild of the streaming read models stands (or, before any rebuild, where the groups stand).
 *
 * @param state           IDLE (no rebuild since this node started), RUNNING (replaying into the shadow schema while
 *                        the live tables serve), SWAPPING, DONE (the rebuilt tables serve), ABORTED or FAILED (the
 *                        live tables serve as before)
 * @param done            the rebuilt tables have been swapped in
 * @param elapsedMillis   since the start, until the rebuild ended
 * @param events          events in the store when the rebuild started: what it replays
 * @param eventsPerSecond the rebuild's speed: {@code events} over {@code replayMillis}
 * @param replayMillis    from the start until the rebuild had replayed every event of the store as it was then
 * @param swapMillis      how long the live processors of the groups were stopped for the swap (the views served
 *                        throughout; their updates waited)
 */
public record RebuildProgress(String state, boolean done, Instant startedAt, Long elapsedMillis, long head,
                              Long events, Double eventsPerSecond, Long replayMillis, Long swapMillis, String failure,
                              List<GroupProgress> groups) {

    /** One line for a terminal: what bin/rebuild-read-models prints every second. */
    public String line() {
        String groupsLine = groups.stream().map(RebuildProgress::line).collect(Collectors.joining(" | "));
        if (done) {
            return String.format(Locale.ROOT, "DONE in %.1f s: %d events, rebuild %,.0f events/s, swap %d ms | %s",
                    elapsedMillis / 1000.0, events, eventsPerSecond, swapMillis, groupsLine);
        }
        if ("FAILED".equals(state)) {
            return "FAILED: " + failure + " | " + groupsLine;
        }
        String elapsed = elapsedMillis == null ? "" : String.format(Locale.ROOT, " %.1f s", elapsedMillis / 1000.0);
        return state + elapsed + " | " + groupsLine;
    }

    private static String line(GroupProgress group) {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "%s %d/%d", group.group(),
                group.rebuildPosition() != null && !group.done() ? group.rebuildPosition() : group.position(),
                group.head()));
        if (group.done()) {
            text.append(" done");
        } else if (group.rebuildPosition() != null) {
            text.append(" rebuilding");
        } else if (group.replaying()) {
            text.append(" replaying");
        } else if (group.caughtUp()) {
            text.append(" caught up");
        }
        if (group.error()) {
            text.append(" ERROR (see the log)");
        }
        if (group.rebuildDeadLetters() != null && group.rebuildDeadLetters() > 0) {
            text.append(String.format(Locale.ROOT, " %d parked", group.rebuildDeadLetters()));
        }
        if (group.eventsPerSecond() != null) {
            text.append(String.format(Locale.ROOT, " %,.0f events/s", group.eventsPerSecond()));
        }
        return text.toString();
    }
}
