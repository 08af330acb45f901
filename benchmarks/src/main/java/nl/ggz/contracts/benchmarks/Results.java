package nl.ggz.contracts.benchmarks;

import java.util.ArrayList;
import java.util.List;

/**
 * Everything one run found, as one Markdown document: printed on stdout and written to
 * benchmarks/target/benchmark-results.md. Targets are reported, never asserted.
 */
public final class Results {

    private final List<String> context = new ArrayList<>();
    private final List<String[]> rows = new ArrayList<>();
    private final List<String[]> ratios = new ArrayList<>();
    private final List<String[]> targets = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();

    public synchronized void context(String line) {
        context.add(line);
    }

    public synchronized void row(String id, String measurement, String result, String notes) {
        rows.add(new String[]{id, measurement, result, notes});
    }

    public synchronized void failed(String id, String measurement, Throwable error) {
        String message = error.getClass().getSimpleName() + ": " + error.getMessage();
        rows.add(new String[]{id, measurement, "FAILED", firstLine(message)});
        failures.add(id + " " + measurement + ": " + message);
    }

    public synchronized void ratio(String name, String value, String meaning) {
        ratios.add(new String[]{name, value, meaning});
    }

    /** {@code met} null: not measured in this run (a measurement it needs failed). */
    public synchronized void target(String target, String measured, Boolean met) {
        targets.add(new String[]{target, measured, met == null ? "NOT MEASURED" : met ? "MET" : "MISSED"});
    }

    public synchronized boolean anyFailed() {
        return !failures.isEmpty();
    }

    public synchronized String markdown(String title) {
        StringBuilder md = new StringBuilder("## ").append(title).append("\n\n");
        context.forEach(line -> md.append("- ").append(line).append('\n'));
        md.append("\n| # | measurement | result | notes |\n| --- | --- | --- | --- |\n");
        rows.forEach(r -> md.append(tableRow(r)));
        md.append("\n| ratio | value | meaning |\n| --- | --- | --- |\n");
        ratios.forEach(r -> md.append(tableRow(r)));
        md.append("\n| target (reported, not asserted) | measured | verdict |\n| --- | --- | --- |\n");
        targets.forEach(r -> md.append(tableRow(r)));
        if (!failures.isEmpty()) {
            md.append("\nFailures:\n\n");
            failures.forEach(f -> md.append("- ").append(f.replace("\n", " ")).append('\n'));
        }
        return md.toString();
    }

    private static String tableRow(String[] cells) {
        StringBuilder row = new StringBuilder("|");
        for (String cell : cells) {
            row.append(' ').append(cell == null ? "" : cell.replace("|", "\\|").replace("\n", " ")).append(" |");
        }
        return row.append('\n').toString();
    }

    private static String firstLine(String text) {
        int newline = text.indexOf('\n');
        String line = newline < 0 ? text : text.substring(0, newline);
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }
}
