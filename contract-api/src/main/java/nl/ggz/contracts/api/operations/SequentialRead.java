package nl.ggz.contracts.api.operations;

/**
 * One plain read of the whole event table in global order, as a yardstick for the rebuild: no read model can be built
 * faster than its events can be read.
 */
public record SequentialRead(long events, long bytes, long millis, double eventsPerSecond) {
}
