package nl.ggz.contracts.api.operations;

/**
 * One streaming processing group: the lowest position its live segments have reached against the event store head
 * (max globalindex), whether a segment is still replaying, and — while it is rebuilt — how far the rebuild is.
 *
 * @param replaying          a segment is still short of the position it was reset from
 * @param caughtUp           the live segments held here cover the group and all have reached the current head
 * @param done               being rebuilt: the rebuilt tables have been swapped in; otherwise the same as caughtUp
 * @param segments           live segments claimed by this node (a rebuild needs all of them here)
 * @param error              a live segment, or the rebuild's processor, is failing (see the log)
 * @param eventsReplayed     events of the rebuild behind the position it reached (all of them, once it caught up)
 * @param eventsPerSecond    events replayed per second since the start; null when no rebuild ran
 * @param elapsedMillis      since the rebuild started, until it caught up; null when no rebuild ran
 * @param rebuildPosition    the position the rebuild reached (after the swap: the live position); null when none
 * @param rebuildDeadLetters events the rebuild parked for this group so far (they join the group's dead letters at
 *                           the swap); null when no rebuild ran
 */
public record GroupProgress(String group, int segments, long position, long head, boolean replaying,
                            boolean caughtUp, boolean done, boolean error, Long eventsReplayed,
                            Double eventsPerSecond, Long elapsedMillis, Long rebuildPosition,
                            Long rebuildDeadLetters) {
}
