package nl.ggz.contracts.audit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code java -jar audit-verifier.jar <export.ndjson> [--checkpoints <checkpoints.json> --public-key <public.pem>]}:
 * prints {@code OK: …} and exits 0 when every hash chain of the export is intact and every checkpoint given holds for
 * it, or prints the first event that was altered, removed or reordered, or the first checkpoint that does not hold,
 * and exits 1. {@code --bundle <ggz-audit-….zip> [--public-key <public.pem> [--state <nza-heads.json>]]} checks a
 * regulator bundle instead ({@link BundleVerifier}), with the state also its insurer's log head, stored on success. {@code --state <nza-heads.json> --checkpoint <checkpoint.txt> --public-key <public.pem>
 * [--consistency <proof.json>] [export.ndjson]} accepts the log's signed head into the trusted state only as a
 * consistent extension of the head stored there ({@link LogVerifier}); {@code --inclusion <proof.json>} with
 * {@code --checkpoint} checks that an event is in that head. Exit 2 for wrong use or a file that cannot be read.
 */
public final class VerifyExport {

    static final String USAGE = "usage: java -jar audit-verifier.jar <export.ndjson> "
            + "[--checkpoints <checkpoints.json> --public-key <public.pem>]" + System.lineSeparator()
            + "       java -jar audit-verifier.jar --bundle <ggz-audit-XXXX-YYYY.zip> [--public-key <public.pem> "
            + "[--state <nza-heads.json>]]"
            + System.lineSeparator()
            + "       java -jar audit-verifier.jar --state <nza-heads.json> --checkpoint <checkpoint.txt> "
            + "--public-key <public.pem> [--consistency <proof.json>] [<export.ndjson>]" + System.lineSeparator()
            + "       java -jar audit-verifier.jar --checkpoint <checkpoint.txt> --public-key <public.pem> "
            + "--inclusion <proof.json> [--state <nza-heads.json> …]";

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
        String state = null;
        String logCheckpoint = null;
        String consistency = null;
        String inclusion = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--checkpoints" -> checkpointFile = i + 1 < args.length ? args[++i] : "";
                case "--public-key" -> publicKeyFile = i + 1 < args.length ? args[++i] : "";
                case "--bundle" -> bundle = i + 1 < args.length ? args[++i] : "";
                case "--state" -> state = i + 1 < args.length ? args[++i] : "";
                case "--checkpoint" -> logCheckpoint = i + 1 < args.length ? args[++i] : "";
                case "--consistency" -> consistency = i + 1 < args.length ? args[++i] : "";
                case "--inclusion" -> inclusion = i + 1 < args.length ? args[++i] : "";
                default -> {
                    if (args[i].startsWith("-") || export != null) {
                        return usage();
                    }
                    export = args[i];
                }
            }
        }
        if (bundle != null && state != null && logCheckpoint == null && consistency == null && inclusion == null) {
            return export != null || checkpointFile != null || bundle.isEmpty() || state.isEmpty()
                    || publicKeyFile == null || publicKeyFile.isEmpty() ? usage() : bundle(bundle, publicKeyFile, state);
        }
        if (state != null || logCheckpoint != null || consistency != null || inclusion != null) {
            if (bundle != null || checkpointFile != null || logCheckpoint == null || publicKeyFile == null
                    || (state == null && inclusion == null) || (consistency != null && state == null)
                    || Stream.of(state, logCheckpoint, consistency, inclusion, publicKeyFile).anyMatch(""::equals)) {
                return usage();
            }
            return log(export, state, logCheckpoint, publicKeyFile, consistency, inclusion);
        }
        if (bundle != null) {
            return export != null || checkpointFile != null || bundle.isEmpty() || "".equals(publicKeyFile) ? usage()
                    : bundle(bundle, publicKeyFile, null);
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

    private static int bundle(String bundle, String publicKeyFile, String stateFile) {
        String reading = publicKeyFile;
        try {
            PublicKey publicKey = publicKeyFile == null ? null
                    : CheckpointSignature.publicKey(Files.readString(Path.of(publicKeyFile), StandardCharsets.US_ASCII));
            TrustedState state = null;
            if (stateFile != null) {
                reading = stateFile;
                state = TrustedState.read(Path.of(stateFile));
            }
            reading = bundle;
            Verdict verdict = BundleVerifier.verify(Path.of(bundle), publicKey, state);
            System.out.println(verdict.report());
            if (!verdict.intact()) {
                return 1;
            }
            if (state != null) {
                reading = stateFile;
                state.write(Path.of(stateFile));
                String origin = state.lastPut();
                System.out.println("STATE: " + stateFile + " holds the head of " + origin + " at size "
                        + state.head(origin).treeSize());
            }
            return 0;
        } catch (IOException | IllegalArgumentException e) {
            return unreadable(reading, e);
        }
    }

    /** The log: the chains of the export (when given), then the head against the trusted state, then inclusion. */
    private static int log(String export, String stateFile, String checkpointFile, String publicKeyFile,
                           String consistencyFile, String inclusionFile) {
        String reading = publicKeyFile;
        try {
            PublicKey publicKey = CheckpointSignature.publicKey(Files.readString(Path.of(publicKeyFile),
                    StandardCharsets.US_ASCII));
            reading = checkpointFile;
            LogCheckpoint checkpoint = LogCheckpoint.parse(Files.readString(Path.of(checkpointFile),
                    StandardCharsets.UTF_8));
            ConsistencyProof consistency = null;
            if (consistencyFile != null) {
                reading = consistencyFile;
                try (Reader json = Files.newBufferedReader(Path.of(consistencyFile), StandardCharsets.UTF_8)) {
                    consistency = ConsistencyProof.read(json);
                }
            }
            LogInclusionProof inclusion = null;
            if (inclusionFile != null) {
                reading = inclusionFile;
                try (Reader json = Files.newBufferedReader(Path.of(inclusionFile), StandardCharsets.UTF_8)) {
                    inclusion = LogInclusionProof.read(json);
                }
            }
            TrustedState state = null;
            if (stateFile != null) {
                reading = stateFile;
                state = TrustedState.read(Path.of(stateFile));
            }
            List<String> report = new ArrayList<>();
            LogExport log = null;
            if (export != null) {
                reading = export;
                try (BufferedReader lines = Files.newBufferedReader(Path.of(export), StandardCharsets.UTF_8)) {
                    Verdict chains = ExportVerifier.verify(lines);
                    if (!chains.intact()) {
                        System.out.println(chains.report());
                        return 1;
                    }
                    report.addAll(chains.lines());
                }
                if (state != null) {
                    try (BufferedReader lines = Files.newBufferedReader(Path.of(export), StandardCharsets.UTF_8)) {
                        log = LogExport.read(lines, LogVerifier.blockSize(state, checkpoint.origin()),
                                LogVerifier.sizesOfInterest(state, checkpoint));
                    }
                }
            }
            if (state != null) {
                Verdict head = LogVerifier.update(state, checkpoint, publicKey, consistency, log);
                report.addAll(head.lines());
                if (!head.intact()) {
                    System.out.println(String.join(System.lineSeparator(), report));
                    return 1;
                }
                reading = stateFile;
                state.write(Path.of(stateFile));
                report.add("STATE: " + stateFile + " holds the head of " + checkpoint.origin() + " at size "
                        + checkpoint.treeSize());
            }
            if (inclusion != null) {
                Verdict included = LogVerifier.inclusion(checkpoint, publicKey, inclusion);
                report.addAll(included.lines());
                if (!included.intact()) {
                    System.out.println(String.join(System.lineSeparator(), report));
                    return 1;
                }
            }
            System.out.println(String.join(System.lineSeparator(), report));
            return 0;
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
