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
            + "--inclusion <proof.json> [--state <nza-heads.json> …]" + System.lineSeparator()
            + "       … --checkpoint <checkpoint.txt> --public-key <public.pem> [--witness-key <witnesses.vkey>] "
            + "[--timestamp <checkpoint.tsr> --tsa-cert <tsa.pem>]";

    private VerifyExport() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** The same as {@link #main} without exiting: the exit code (the benchmark runs it in its own JVM). */
    public static int run(String[] args) {
        String export = null;
        String checkpointFile = null;
        String publicKeyFile = null;
        String bundle = null;
        String state = null;
        String logCheckpoint = null;
        String consistency = null;
        String inclusion = null;
        String witnessKeys = null;
        String timestamp = null;
        String tsaCert = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--checkpoints" -> checkpointFile = i + 1 < args.length ? args[++i] : "";
                case "--public-key" -> publicKeyFile = i + 1 < args.length ? args[++i] : "";
                case "--bundle" -> bundle = i + 1 < args.length ? args[++i] : "";
                case "--state" -> state = i + 1 < args.length ? args[++i] : "";
                case "--checkpoint" -> logCheckpoint = i + 1 < args.length ? args[++i] : "";
                case "--consistency" -> consistency = i + 1 < args.length ? args[++i] : "";
                case "--inclusion" -> inclusion = i + 1 < args.length ? args[++i] : "";
                case "--witness-key" -> witnessKeys = i + 1 < args.length ? args[++i] : "";
                case "--timestamp" -> timestamp = i + 1 < args.length ? args[++i] : "";
                case "--tsa-cert" -> tsaCert = i + 1 < args.length ? args[++i] : "";
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
        if (state != null || logCheckpoint != null || consistency != null || inclusion != null || witnessKeys != null
                || timestamp != null || tsaCert != null) {
            if (bundle != null || checkpointFile != null || logCheckpoint == null || publicKeyFile == null
                    || (state == null && inclusion == null && witnessKeys == null && timestamp == null)
                    || (consistency != null && state == null) || (timestamp == null) != (tsaCert == null)
                    || Stream.of(state, logCheckpoint, consistency, inclusion, publicKeyFile, witnessKeys, timestamp,
                    tsaCert).anyMatch(""::equals)) {
                return usage();
            }
            return log(export, state, logCheckpoint, publicKeyFile, consistency, inclusion,
                    new HeadEvidence(witnessKeys, timestamp, tsaCert));
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

    /** The files that vouch for a head besides the log's own signature: witnesses' keys, a timestamp and its TSA. */
    private record HeadEvidence(String witnessKeys, String timestamp, String tsaCert) {
    }

    /**
     * The log: the chains of the export (when given), then the head against the trusted state, its cosignatures and
     * timestamp (all before the state is written), then inclusion.
     */
    private static int log(String export, String stateFile, String checkpointFile, String publicKeyFile,
                           String consistencyFile, String inclusionFile, HeadEvidence evidence) {
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
            List<WitnessKey> witnesses = List.of();
            if (evidence.witnessKeys() != null) {
                reading = evidence.witnessKeys();
                witnesses = WitnessKey.parseAll(Files.readString(Path.of(evidence.witnessKeys()),
                        StandardCharsets.UTF_8));
                if (witnesses.isEmpty()) {
                    throw new IllegalArgumentException("no witness key in it (one vkey a line: name+keyID+base64key)");
                }
            }
            TimestampToken token = null;
            java.security.cert.X509Certificate tsa = null;
            if (evidence.timestamp() != null) {
                reading = evidence.timestamp();
                token = TimestampToken.read(Files.readAllBytes(Path.of(evidence.timestamp())));
                reading = evidence.tsaCert();
                tsa = certificate(Files.readAllBytes(Path.of(evidence.tsaCert())));
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
            } else if (!witnesses.isEmpty() || token != null) {
                Verdict signed = LogVerifier.signedByTheLog(checkpoint, publicKey);
                if (!signed.intact()) {
                    report.addAll(signed.lines());
                    System.out.println(String.join(System.lineSeparator(), report));
                    return 1;
                }
            }
            for (Verdict vouched : List.of(LogVerifier.cosigned(checkpoint, witnesses),
                    token == null ? new Verdict(null, List.of()) : LogVerifier.timestamped(checkpoint, token, tsa))) {
                report.addAll(vouched.lines());
                if (!vouched.intact()) {
                    System.out.println(String.join(System.lineSeparator(), report));
                    return 1;
                }
            }
            if (state != null) {
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

    /** An X.509 certificate, PEM or DER, as {@code openssl} writes it. */
    private static java.security.cert.X509Certificate certificate(byte[] bytes) {
        try {
            return (java.security.cert.X509Certificate) java.security.cert.CertificateFactory.getInstance("X.509")
                    .generateCertificate(new java.io.ByteArrayInputStream(bytes));
        } catch (java.security.cert.CertificateException | ClassCastException e) {
            throw new IllegalArgumentException("not an X.509 certificate (PEM or DER)");
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
