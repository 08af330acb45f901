package nl.ggz.contracts.audit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.List;

/**
 * {@code java -jar audit-verifier.jar <export.ndjson> [--checkpoints <checkpoints.json> --public-key <public.pem>]}:
 * prints {@code OK: …} and exits 0 when every hash chain of the export is intact and every checkpoint given holds for
 * it, or prints the first event that was altered, removed or reordered, or the first checkpoint that does not hold,
 * and exits 1. {@code --bundle <ggz-audit-….zip> [--public-key <public.pem>]} checks a regulator bundle instead
 * ({@link BundleVerifier}). Exit 2 for wrong use or a file that cannot be read.
 */
public final class VerifyExport {

    static final String USAGE = "usage: java -jar audit-verifier.jar <export.ndjson> "
            + "[--checkpoints <checkpoints.json> --public-key <public.pem>]" + System.lineSeparator()
            + "       java -jar audit-verifier.jar --bundle <ggz-audit-XXXX-YYYY.zip> [--public-key <public.pem>]";

    private VerifyExport() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        String export = null;
        String checkpointFile = null;
        String publicKeyFile = null;
        String bundle = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--checkpoints" -> checkpointFile = i + 1 < args.length ? args[++i] : "";
                case "--public-key" -> publicKeyFile = i + 1 < args.length ? args[++i] : "";
                case "--bundle" -> bundle = i + 1 < args.length ? args[++i] : "";
                default -> {
                    if (args[i].startsWith("-") || export != null) {
                        return usage();
                    }
                    export = args[i];
                }
            }
        }
        if (bundle != null) {
            return export != null || checkpointFile != null || bundle.isEmpty() || "".equals(publicKeyFile) ? usage()
                    : bundle(bundle, publicKeyFile);
        }
        if (export == null || "".equals(checkpointFile) || "".equals(publicKeyFile)
                || (checkpointFile == null) != (publicKeyFile == null)) {
            return usage();
        }
        String reading = export;
        try {
            List<Checkpoint> checkpoints = null;
            PublicKey publicKey = null;
            if (checkpointFile != null) {
                reading = publicKeyFile;
                publicKey = CheckpointSignature.publicKey(Files.readString(Path.of(publicKeyFile), StandardCharsets.US_ASCII));
                reading = checkpointFile;
                try (Reader json = Files.newBufferedReader(Path.of(checkpointFile), StandardCharsets.UTF_8)) {
                    checkpoints = CheckpointFile.read(json);
                }
            }
            reading = export;
            try (BufferedReader lines = Files.newBufferedReader(Path.of(export), StandardCharsets.UTF_8)) {
                Verdict verdict = checkpoints == null ? ExportVerifier.verify(lines)
                        : ExportVerifier.verify(lines, checkpoints, publicKey);
                System.out.println(verdict.report());
                return verdict.intact() ? 0 : 1;
            }
        } catch (IOException | IllegalArgumentException e) {
            return unreadable(reading, e);
        }
    }

    private static int bundle(String bundle, String publicKeyFile) {
        String reading = publicKeyFile;
        try {
            PublicKey publicKey = publicKeyFile == null ? null
                    : CheckpointSignature.publicKey(Files.readString(Path.of(publicKeyFile), StandardCharsets.US_ASCII));
            reading = bundle;
            Verdict verdict = BundleVerifier.verify(Path.of(bundle), publicKey);
            System.out.println(verdict.report());
            return verdict.intact() ? 0 : 1;
        } catch (IOException | IllegalArgumentException e) {
            return unreadable(reading, e);
        }
    }

    private static int usage() {
        System.err.println(USAGE);
        return 2;
    }

    /** A file that is missing or no export, bundle, checkpoint list or key: exit 2, as for wrong use. */
    private static int unreadable(String file, Exception e) {
        if (e instanceof NoSuchFileException) {
            System.err.println("no such file: " + file);
        } else {
            System.err.println("could not read " + file + ": "
                    + (e instanceof IllegalArgumentException ? e.getMessage() : e.toString()));
        }
        return 2;
    }
}
