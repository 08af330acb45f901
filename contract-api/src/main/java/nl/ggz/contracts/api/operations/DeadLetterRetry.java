package nl.ggz.contracts.api.operations;

/** The outcome of one retry of a processing group's dead letters: events applied now, and events still parked. */
public record DeadLetterRetry(String processingGroup, long processed, long remaining) {
}
