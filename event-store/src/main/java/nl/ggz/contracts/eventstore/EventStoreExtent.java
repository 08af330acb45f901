package nl.ggz.contracts.eventstore;

/**
 * The event store at one moment.
 *
 * @param head   the last global position (0 when empty)
 * @param events how many events it holds; fewer than {@code head} where a rolled-back write left a gap
 */
public record EventStoreExtent(long head, long events) {
}
