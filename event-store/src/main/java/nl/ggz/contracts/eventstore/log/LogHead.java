package nl.ggz.contracts.eventstore.log;

/** A log as far as it is appended: its origin, size and root (MTH). */
public record LogHead(String origin, long size, byte[] root) {
}
