package nl.ggz.contracts.projections.report;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Seed 003 reports shares as percentages ("bij 37 (43%) van die contracten"): here with one decimal. */
final class Share {
    private Share() {
    }

    /** {@code part} as a percentage of {@code whole}, rounded half up to one decimal; null when there is no whole. */
    static BigDecimal percent(long part, long whole) {
        if (whole == 0) {
            return null;
        }
        return BigDecimal.valueOf(part).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
    }
}
