package nl.ggz.contracts.api.operations;

import java.util.List;

/** What is parked, oldest first; {@code letters} counts the events, {@code sequences} the lines below. */
public record DeadLetterList(long sequences, long letters, List<DeadLetterSequence> deadLetters) {
}
