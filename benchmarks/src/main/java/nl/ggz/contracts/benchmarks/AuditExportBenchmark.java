package nl.ggz.contracts.benchmarks;

import nl.ggz.contracts.benchmarks.app.AppClient;
import nl.ggz.contracts.benchmarks.app.HeapSampler;

import javax.sql.DataSource;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

/**
 * Measurement 7 (issue 6): the whole event store exported through {@code GET /api/audit/events} (NDJSON, every line
 * read by the client), against a plain sequential JDBC read of the same rows in the same run, with the application's
 * highest heap while it streams. The export should run at a fair share of the plain read and in constant memory.
 */
final class AuditExportBenchmark {

    private AuditExportBenchmark() {
    }

    record Outcome(long exported, double exportSeconds, long read, double readSeconds) {
        double exportRate() {
            return exported / exportSeconds;
        }

        double readRate() {
            return read / readSeconds;
        }
    }

    /** {@code regulator}: the application as the regulator calls it, the one role that reads the audit history. */
    static Outcome run(AppClient regulator, DataSource appDatabase) throws Exception {
        long start = System.nanoTime();
        long exported = 0;
        HttpResponse<InputStream> response = regulator.stream("/api/audit/events");
        if (response.statusCode() != 200) {
            try (InputStream body = response.body()) {
                String problem = new String(body.readNBytes(500), StandardCharsets.UTF_8);
                throw new IllegalStateException("the export answered " + response.statusCode() + " " + problem);
            }
        }
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8),
                1 << 16)) {
            while (lines.readLine() != null) {
                exported++;
            }
        }
        double exportSeconds = (System.nanoTime() - start) / 1e9;

        start = System.nanoTime();
        long read = 0;
        try (Connection connection = appDatabase.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement rows = connection.prepareStatement("SELECT * FROM domainevententry ORDER BY globalindex")) {
                rows.setFetchSize(1000);
                try (ResultSet result = rows.executeQuery()) {
                    int columns = result.getMetaData().getColumnCount();
                    while (result.next()) {
                        for (int c = 1; c <= columns; c++) {
                            result.getObject(c);
                        }
                        read++;
                    }
                }
            }
            connection.rollback();
        }
        return new Outcome(exported, exportSeconds, read, (System.nanoTime() - start) / 1e9);
    }

    static void report(Results results, Outcome outcome, HeapSampler heap) {
        results.row("7", "audit export: GET /api/audit/events (NDJSON) of the whole event store",
                Format.count(Math.round(outcome.exportRate())) + " events/s",
                Format.count(outcome.exported()) + " lines in " + String.format("%.1f s", outcome.exportSeconds())
                        + "; plain sequential JDBC read of the same table (all columns, fetch 1000): "
                        + Format.count(Math.round(outcome.readRate())) + " events/s ("
                        + Format.count(outcome.read()) + " rows in " + String.format("%.1f s", outcome.readSeconds())
                        + "), export/read = " + String.format("%.2f", outcome.exportRate() / outcome.readRate())
                        + "; application heap while exporting: " + heap.describe());
    }
}
