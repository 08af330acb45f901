package nl.ggz.contracts.benchmarks;

import java.time.Duration;

/**
 * One plain read of the whole event table in global order, the yardstick of measurement 8: no read model can be
 * rebuilt faster than its events can be read.
 */
record SequentialRead(long events, long bytes, Duration elapsed) {

    double perSecond() {
        return Format.perSecond(events, elapsed);
    }
}
