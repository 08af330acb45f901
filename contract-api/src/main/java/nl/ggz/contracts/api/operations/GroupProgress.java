package nl.ggz.contracts.api.operations;

/**
 * One streaming processing group: the lowest position its segments have reached against the event store head (max
 * globalindex), whether a segment is still replaying, and — while it rebuilds — its speed since it was started again.
 *
 * @param replaying        a segment is still short of the position it was reset from
 * @param caughtUp         the segments held here cover the group and all have reached the current head
 * @param done             rebuilding: every segment reached the head as it was when the rebuild started; otherwise
 *                         the same as caughtUp
 * @param segments         segments claimed by this node (a rebuild needs all of them here)
 * @param eventsReplayed   events behind the position reached (all of them, once done)
 * @param eventsPerSecond  events replayed per second since the start; null when no rebuild ran
 * @param elapsedMillis    since this group was started again (until done); null when no rebuild ran
 */
public record GroupProgress(String group, int segments, long position, long head, boolean replaying,
                            boolean caughtUp, boolean done, boolean error, Long eventsReplayed,
                            Double eventsPerSecond, Long elapsedMillis) {
}
