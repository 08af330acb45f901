package nl.ggz.contracts.api.operations;

/** Events per second, rounded to whole events: finer digits would suggest a precision the clock does not have. */
final class RateMath {

    private RateMath() {
    }

    static double perSecond(long events, long nanos) {
        return nanos <= 0 ? 0 : Math.round(events * 1e9 / nanos);
    }
}
