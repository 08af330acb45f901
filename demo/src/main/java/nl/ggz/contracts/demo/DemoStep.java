package nl.ggz.contracts.demo;

import java.time.Instant;

/**
 * One thing that happens in a scenario, at its own moment: a command sent by a party, or {@link AwaitOverdue}.
 * A scenario's steps run in the order of their moments, so each aggregate's history is in the order it happened.
 */
record DemoStep(Instant at, DemoParty party, Object command) {
}
