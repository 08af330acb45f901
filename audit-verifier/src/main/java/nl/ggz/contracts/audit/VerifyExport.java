package nl.ggz.contracts.audit;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * {@code java -jar audit-verifier.jar <export.ndjson>}: prints {@code OK: …} and exits 0 when every hash chain of the
 * export is intact, or prints the first event that was altered, removed or reordered and exits 1. Exit 2 for wrong
 * use or an unreadable file.
 */
public final class VerifyExport {

    private VerifyExport() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        if (args.length != 1 || args[0].startsWith("-")) {
            System.err.println("usage: java -jar audit-verifier.jar <export.ndjson>");
            return 2;
        }
        try (BufferedReader export = Files.newBufferedReader(Path.of(args[0]), StandardCharsets.UTF_8)) {
            Verdict verdict = ExportVerifier.verify(export);
            System.out.println(verdict.report());
            return verdict.intact() ? 0 : 1;
        } catch (NoSuchFileException e) {
            System.err.println("no such file: " + args[0]);
            return 2;
        } catch (IOException e) {
            System.err.println("could not read " + args[0] + ": " + e);
            return 2;
        }
    }
}
