package nl.ggz.contracts.audit;

import java.util.List;

/**
 * The outcome of verifying an export: intact, or the first failure; {@code lines} is the report to print (the
 * verdict first, then notes such as the streams whose first exported event was taken as an anchor).
 */
public record Verdict(Tampering failure, List<String> lines) {

    public boolean intact() {
        return failure == null;
    }

    public String report() {
        return String.join(System.lineSeparator(), lines);
    }
}
