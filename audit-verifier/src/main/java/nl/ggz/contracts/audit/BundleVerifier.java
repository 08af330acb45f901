package nl.ggz.contracts.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Checks a regulator bundle ({@link BundleLayout}) on its own, in this order, and stops at the first failure:
 * <ol>
 *     <li>the checkpoint's Ed25519 signature, with the bundled public key — and with a key obtained apart from the
 *     bundle when one is given, which must then be the bundled key too ({@link Tampering#CHECKPOINT});</li>
 *     <li>the manifest names this checkpoint, and {@code events.ndjson} has the manifest's SHA-256
 *     ({@link Tampering#BUNDLE});</li>
 *     <li>every stream's chain is intact from its sequence 0 ({@link ExportVerifier}: ALTERED, MISSING, REORDERED),
 *     and no event lies beyond the checkpoint;</li>
 *     <li>each stream's last event is the manifest's head of it, and the head's inclusion proof leads to the signed
 *     root ({@link Tampering#HEAD}): with the chain, every event of the stream is then the one the checkpoint
 *     signed, and none is missing at its end;</li>
 *     <li>the manifest's counts: events, per type, streams, first and last position ({@link Tampering#BUNDLE}).</li>
 * </ol>
 * A /2 bundle also carries the insurer's signed log head, the log's leaves up to it and the first event of each of the
 * insurer's streams outside the year: its head must be signed with the same key (and, given a trusted state, be the
 * stored head or a consistent extension of it: {@link LogVerifier}), the first events must be intact and show their
 * streams outside the year ({@link StreamScope}), and the bundle must be complete against the leaves
 * ({@link BundleCompleteness}; {@link Tampering#INCOMPLETE}). A /1 bundle is checked as before, and the report says
 * what it cannot show.
 * Reads {@code events.ndjson} twice, line by line (memory grows with the number of streams, not of events).
 */
public final class BundleVerifier {

    private static final HexFormat HEX = HexFormat.of();
    /** Streams named at most in a report line. */
    private static final int SHOWN = 20;

    private final ZipFile zip;
    private final PublicKey givenKey;
    private final TrustedState state;

    private BundleVerifier(ZipFile zip, PublicKey givenKey, TrustedState state) {
        this.zip = zip;
        this.givenKey = givenKey;
        this.state = state;
    }

    /**
     * Verifies the bundle; {@code givenKey} is the installation's public key as the regulator obtained it apart from
     * the bundle, or null to check with the bundled key alone (which shows only that the bundle is consistent).
     */
    public static Verdict verify(Path bundle, PublicKey givenKey) throws IOException {
        return verify(bundle, givenKey, null);
    }

    /**
     * As {@link #verify(Path, PublicKey)}, and with a trusted state (and the key given) also the insurer's log head
     * against the head stored for it, as {@link LogVerifier} does for the log; on success the state (in memory) holds
     * the bundle's head, for the caller to write.
     */
    public static Verdict verify(Path bundle, PublicKey givenKey, TrustedState state) throws IOException {
        if (state != null && givenKey == null) {
            throw new IllegalArgumentException("a trusted state takes only heads signed with the key given");
        }
        try (ZipFile zip = new ZipFile(bundle.toFile(), StandardCharsets.UTF_8)) {
            return new BundleVerifier(zip, givenKey, state).run();
        }
    }

    private Verdict run() throws IOException {
        for (String name : BundleLayout.FILES_1) {
            if (!name.equals(BundleLayout.README) && zip.getEntry(name) == null) {
                return bundle("the bundle has no " + name);
            }
        }
        PublicKey bundledKey;
        try {
            bundledKey = CheckpointSignature.publicKey(new String(bytes(BundleLayout.PUBLIC_KEY),
                    StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException e) {
            return bundle(BundleLayout.PUBLIC_KEY + ": " + e.getMessage());
        }
        Checkpoint checkpoint;
        try (Reader json = new InputStreamReader(open(BundleLayout.CHECKPOINT), StandardCharsets.UTF_8)) {
            checkpoint = CheckpointFile.readOne(json);
        } catch (JsonProcessingException e) {
            return bundle(BundleLayout.CHECKPOINT + " is not JSON: " + e.getOriginalMessage());
        } catch (IllegalArgumentException e) {
            return bundle(BundleLayout.CHECKPOINT + ": " + e.getMessage());
        }
        BundleManifest manifest;
        try (InputStream json = open(BundleLayout.MANIFEST)) {
            manifest = BundleManifest.read(json);
        } catch (JsonProcessingException e) {
            return bundle(BundleLayout.MANIFEST + " is not a bundle manifest: " + e.getOriginalMessage());
        }

        boolean complete = BundleLayout.FORMAT.equals(manifest.format());
        if (!complete && !BundleLayout.FORMAT_1.equals(manifest.format())) {
            return bundle(BundleLayout.MANIFEST + " has format " + manifest.format() + ", this verifier reads "
                    + BundleLayout.FORMAT + " and " + BundleLayout.FORMAT_1);
        }
        if (!complete && state != null) {
            return bundle("a " + BundleLayout.FORMAT_1 + " bundle carries no head of the insurer's log to check "
                    + "against the trusted state; ask for a new bundle");
        }
        String signature = signature(checkpoint, bundledKey);
        if (signature != null) {
            return new Verdict(Tampering.CHECKPOINT, List.of(signature));
        }
        String reference = reference(manifest, checkpoint);
        if (reference != null) {
            return bundle(reference);
        }
        LogHead head = null;
        if (complete) {
            for (String name : List.of(BundleLayout.LOG_CHECKPOINT, BundleLayout.FIRST_EVENTS,
                    BundleLayout.LOG_LEAVES)) {
                if (zip.getEntry(name) == null) {
                    return bundle("the bundle has no " + name);
                }
            }
            Object read = head(manifest, bundledKey);
            if (read instanceof Verdict failure) {
                return failure;
            }
            head = (LogHead) read;
        }

        ExportVerifier events = new ExportVerifier(null, true);
        MessageDigest sha256 = sha256();
        Verdict chains;
        try (DigestInputStream digested = new DigestInputStream(open(BundleLayout.EVENTS), sha256);
             BufferedReader lines = new BufferedReader(new InputStreamReader(digested, StandardCharsets.UTF_8))) {
            chains = events.run(lines);
            // the rest of the file after a failure still counts towards its checksum
            byte[] rest = new byte[8192];
            while (digested.read(rest) != -1) {
                // only digested
            }
        }
        String checksum = HEX.formatHex(sha256.digest());
        if (!checksum.equals(manifest.eventsSha256())) {
            List<String> report = new ArrayList<>();
            report.add(Tampering.BUNDLE + ": " + BundleLayout.EVENTS + " has SHA-256 " + checksum + ", the manifest "
                    + "says " + manifest.eventsSha256() + ": the file was changed after the bundle was made");
            if (!chains.intact()) {
                report.add("  the first event that does not hold: " + chains.lines().get(0));
            }
            return new Verdict(Tampering.BUNDLE, report);
        }
        String completeness = null;
        if (head != null) {
            BundleCompleteness.Outcome outcome;
            try (BufferedReader leaves = reader(BundleLayout.LOG_LEAVES);
                 BufferedReader lines = reader(BundleLayout.EVENTS)) {
                outcome = BundleCompleteness.check(leaves, lines, head.outside(), head.checkpoint(), manifest.year(),
                        manifest.outOfScope(), checkpoint);
            }
            if (outcome.failure() != null) {
                return outcome.failure();
            }
            completeness = outcome.report();
        }
        if (!chains.intact()) {
            return chains;
        }
        if (events.lastPosition() != null && events.lastPosition() > checkpoint.upToPosition()) {
            return bundle(BundleLayout.EVENTS + " holds position " + events.lastPosition() + ", beyond the "
                    + "checkpoint's position " + checkpoint.upToPosition() + ": events after it are not covered by it");
        }

        Verdict heads = heads(manifest, checkpoint, events.heads());
        if (heads != null) {
            return heads;
        }
        String counts = counts(manifest, events);
        if (counts != null) {
            return bundle(counts);
        }
        return ok(manifest, checkpoint, events, head, completeness);
    }

    /**
     * A /2 bundle's log head: signed with the key, of the insurer's log, the stored head or a consistent extension of
     * it when a state is given; and its first events, intact and outside the year. A {@link Verdict} when not.
     */
    private Object head(BundleManifest manifest, PublicKey bundledKey) throws IOException {
        LogCheckpoint note;
        try {
            note = LogCheckpoint.parse(new String(bytes(BundleLayout.LOG_CHECKPOINT), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return bundle(BundleLayout.LOG_CHECKPOINT + ": " + e.getMessage());
        }
        String origin = note.origin();
        if (!origin.endsWith("/insurer/" + manifest.insurer())) {
            return bundle(BundleLayout.LOG_CHECKPOINT + " is the head of " + origin + ", not of the log of insurer "
                    + manifest.insurer());
        }
        PublicKey key = givenKey == null ? bundledKey : givenKey;
        if (!note.signedBy(origin, key)) {
            return new Verdict(Tampering.INCONSISTENT, List.of(Tampering.INCONSISTENT + " " + origin + " at size "
                    + note.treeSize() + ": no valid signature by key " + origin + "+"
                    + HEX.formatHex(LogCheckpoint.keyHash(origin, key)) + " (" + BundleLayout.LOG_CHECKPOINT + " was "
                    + "changed after it was signed, or not signed with the public key "
                    + (givenKey == null ? "in the bundle)" : "given)")));
        }
        ConsistencyProof proof = null;
        if (zip.getEntry(BundleLayout.LOG_CONSISTENCY) != null) {
            try (Reader json = reader(BundleLayout.LOG_CONSISTENCY)) {
                proof = ConsistencyProof.read(json);
            } catch (JsonProcessingException | IllegalArgumentException e) {
                return bundle(BundleLayout.LOG_CONSISTENCY + ": " + (e instanceof JsonProcessingException json
                        ? json.getOriginalMessage() : e.getMessage()));
            }
            if (!proof.origin().equals(origin) || proof.toSize() != note.treeSize()) {
                return bundle(BundleLayout.LOG_CONSISTENCY + " is a proof for " + proof.origin() + " up to size "
                        + proof.toSize() + ", the head is " + origin + " at size " + note.treeSize());
            }
        }
        List<String> report = new ArrayList<>();
        if (state != null) {
            LogExport leaves;
            try (BufferedReader lines = reader(BundleLayout.LOG_LEAVES)) {
                leaves = LogExport.readLeaves(lines, LogVerifier.blockSize(state, origin),
                        LogVerifier.sizesOfInterest(state, note));
            } catch (IllegalArgumentException e) {
                return bundle(BundleLayout.LOG_LEAVES + ": " + e.getMessage());
            }
            Verdict stored = LogVerifier.update(state, note, givenKey, proof, leaves);
            if (!stored.intact()) {
                return stored;
            }
            report.addAll(stored.lines());
        } else {
            report.add("LOG OK: " + origin + " at size " + note.treeSize() + ", root "
                    + LogVerifier.shortHex(note.rootHash()) + "…, signed by the key " + (givenKey == null
                    ? "in the bundle" : "given"));
            if (proof != null) {
                report.add("note: " + BundleLayout.LOG_CONSISTENCY + " proves the head extends one of size "
                        + proof.fromSize() + "; that is checked against the head stored before (--state)");
            }
        }
        Map<String, BundleCompleteness.Outside> outside = new HashMap<>();
        ExportVerifier firstEvents = new ExportVerifier(null, true);
        Verdict chains;
        try (BufferedReader lines = reader(BundleLayout.FIRST_EVENTS)) {
            chains = firstEvents.run(lines);
        }
        if (!chains.intact()) {
            return new Verdict(chains.failure(), List.of(chains.lines().get(0) + " (in " + BundleLayout.FIRST_EVENTS
                    + ")"));
        }
        try (BufferedReader lines = reader(BundleLayout.FIRST_EVENTS)) {
            String text;
            while ((text = lines.readLine()) != null) {
                if (text.isBlank()) {
                    continue;
                }
                JsonNode line = CanonicalJson.MAPPER.readTree(text);
                String id = line.path("aggregateId").textValue();
                long position = line.path("position").asLong();
                String where = BundleLayout.FIRST_EVENTS + ": the first event of stream " + id + " (position "
                        + position + ")";
                StreamHead first = firstEvents.heads().get(id);
                if (first.sequence() != 0 || outside.containsKey(id)) {
                    return bundle(where + " is not the stream's only event there, sequence 0");
                }
                if (!first.chained()) {
                    return bundle(where + " has no hash, so it cannot show which years its stream covers");
                }
                Optional<StreamScope> scope = StreamScope.of(line.path("eventType").textValue(), line.get("payload"));
                if (scope.isEmpty()) {
                    return bundle(where + " does not decide which years its stream covers, so the stream belongs in "
                            + BundleLayout.EVENTS + " in full");
                }
                if (!scope.get().insurer().equals(manifest.insurer())) {
                    return bundle(where + " is of insurer " + scope.get().insurer() + ", not " + manifest.insurer());
                }
                if (scope.get().covers(manifest.year())) {
                    return new Verdict(Tampering.INCOMPLETE, List.of(Tampering.INCOMPLETE + ": stream " + id
                            + " covers " + scope.get().years() + " by its first event (position " + position + "), so "
                            + "it belongs in the bundle of " + manifest.year() + ", but " + BundleLayout.EVENTS
                            + " does not hold it"));
                }
                outside.put(id, new BundleCompleteness.Outside(id, position, LogHash.leaf(first.hash()),
                        scope.get()));
            }
        }
        return new LogHead(note, outside, report);
    }

    /** A /2 bundle's insurer log head, the streams shown outside the year, and the report on the head. */
    private record LogHead(LogCheckpoint checkpoint, Map<String, BundleCompleteness.Outside> outside,
                           List<String> report) {
    }

    /** The signature with the given key (or the bundled one): null when it holds. */
    private String signature(Checkpoint checkpoint, PublicKey bundledKey) {
        String name = "CHECKPOINT " + checkpoint.id();
        String bundledId = CheckpointSignature.keyId(bundledKey);
        PublicKey key = givenKey == null ? bundledKey : givenKey;
        String keyId = CheckpointSignature.keyId(key);
        if (givenKey != null && !keyId.equals(bundledId)) {
            return name + ": the bundle's " + BundleLayout.PUBLIC_KEY + " is key " + bundledId + ", not the key given ("
                    + keyId + "): the bundle was made by another installation, or its key was replaced";
        }
        if (!keyId.equals(checkpoint.keyId())) {
            return name + ": signature invalid: it names key " + checkpoint.keyId() + ", the public key "
                    + (givenKey == null ? "in the bundle" : "given") + " is " + keyId;
        }
        if (!CheckpointSignature.verify(checkpoint, key)) {
            return name + ": signature invalid: the checkpoint was changed after it was signed, or not signed with "
                    + "this key";
        }
        return null;
    }

    private static String reference(BundleManifest manifest, Checkpoint checkpoint) {
        BundleCheckpoint named = manifest.checkpoint();
        String root = HEX.formatHex(checkpoint.merkleRoot());
        if (named == null || named.id() != checkpoint.id() || named.upToPosition() != checkpoint.upToPosition()
                || !root.equals(named.merkleRoot())) {
            return BundleLayout.MANIFEST + " refers to " + (named == null ? "no checkpoint" : "checkpoint "
                    + named.id() + " up to position " + named.upToPosition() + " with root " + named.merkleRoot())
                    + ", " + BundleLayout.CHECKPOINT + " is checkpoint " + checkpoint.id() + " up to position "
                    + checkpoint.upToPosition() + " with root " + root;
        }
        return null;
    }

    /** Every stream's last event against the manifest's head, and the head against the signed root. */
    private static Verdict heads(BundleManifest manifest, Checkpoint checkpoint, Map<String, StreamHead> read) {
        Map<String, BundleStream> named = new HashMap<>();
        for (BundleStream stream : manifest.streams() == null ? List.<BundleStream>of() : manifest.streams()) {
            if (named.put(stream.aggregateId(), stream) != null) {
                return bundle(BundleLayout.MANIFEST + " names stream " + stream.aggregateId() + " twice");
            }
            if (!read.containsKey(stream.aggregateId())) {
                return bundle(BundleLayout.MANIFEST + " names stream " + stream.aggregateId() + ", which "
                        + BundleLayout.EVENTS + " does not hold");
            }
        }
        // in order of aggregate id, so that the first failure named is the same on every run
        List<String> unproved = new ArrayList<>();
        String firstUnproved = null;
        for (StreamHead head : new TreeMap<>(read).values()) {
            String where = Tampering.HEAD + " of stream " + head.aggregateId() + " (sequence " + head.sequence() + ")";
            BundleStream stream = named.get(head.aggregateId());
            if (stream == null) {
                return new Verdict(Tampering.HEAD, List.of(where + ": the manifest gives no head of this stream, so "
                        + "nothing shows that the checkpoint covers it"));
            }
            byte[] hash = hex(stream.hash());
            if (stream.sequence() != head.sequence() || !Arrays.equals(hash, head.hash())) {
                return new Verdict(Tampering.HEAD, List.of(where + ": " + BundleLayout.EVENTS + " ends the stream at "
                        + "sequence " + head.sequence() + " with hash " + short16(head.hash()) + ", the manifest's head "
                        + "is sequence " + stream.sequence() + " with hash " + short16(hash)));
            }
            if (!head.chained()) {
                continue;
            }
            List<byte[]> path = new ArrayList<>();
            for (String node : stream.auditPath() == null ? List.<String>of() : stream.auditPath()) {
                byte[] bytes = hex(node);
                if (bytes == null || bytes.length != EventHash.LENGTH) {
                    return bundle(BundleLayout.MANIFEST + ": the audit path of stream " + head.aggregateId()
                            + " holds '" + node + "', not 64 hex digits");
                }
                path.add(bytes);
            }
            if (stream.leafIndex() == null || stream.treeSize() == null || stream.auditPath() == null) {
                return new Verdict(Tampering.HEAD, List.of(where + ": the manifest gives no inclusion proof of it"));
            }
            InclusionProof proof = new InclusionProof(stream.leafIndex(), stream.treeSize(), path);
            if (!proof.leadsTo(MerkleRoot.leaf(head), checkpoint.merkleRoot())) {
                if (firstUnproved == null) {
                    firstUnproved = where;
                }
                unproved.add(head.aggregateId());
            }
        }
        if (firstUnproved != null) {
            // a proof made from a tree that differs from the signed one fails whichever head changed: every path
            // covers, through its siblings, every other head of the installation
            List<String> report = new ArrayList<>();
            report.add(firstUnproved + ": its inclusion proof does not lead to the root of checkpoint "
                    + checkpoint.id() + ": the history up to the checkpoint is not what was signed (rewritten or cut "
                    + "short since, in this stream or in any other: a proof depends on every head), or the proof was "
                    + "changed");
            report.add("  the proofs of " + unproved.size() + " of the " + read.size() + " streams fail: "
                    + String.join(", ", unproved.subList(0, Math.min(unproved.size(), SHOWN)))
                    + (unproved.size() > SHOWN ? ", …" : ""));
            return new Verdict(Tampering.HEAD, report);
        }
        return null;
    }

    private static String counts(BundleManifest manifest, ExportVerifier events) {
        if (manifest.eventCount() != events.events()) {
            return "the manifest counts " + manifest.eventCount() + " events, " + BundleLayout.EVENTS + " holds "
                    + events.events();
        }
        if (manifest.streamCount() != events.heads().size()) {
            return "the manifest counts " + manifest.streamCount() + " streams, " + BundleLayout.EVENTS + " holds "
                    + events.heads().size();
        }
        if (!Objects.equals(new TreeMap<>(manifest.eventsByType() == null ? Map.of() : manifest.eventsByType()),
                events.eventsByType())) {
            return "the manifest counts events per type as " + manifest.eventsByType() + ", " + BundleLayout.EVENTS
                    + " holds " + events.eventsByType();
        }
        if (!Objects.equals(manifest.firstPosition(), events.firstPosition())
                || !Objects.equals(manifest.lastPosition(), events.lastPosition())) {
            return "the manifest gives positions " + manifest.firstPosition() + " to " + manifest.lastPosition() + ", "
                    + BundleLayout.EVENTS + " holds " + events.firstPosition() + " to " + events.lastPosition();
        }
        return null;
    }

    private Verdict ok(BundleManifest manifest, Checkpoint checkpoint, ExportVerifier events, LogHead log,
                       String completeness) {
        long unchained = events.heads().values().stream().filter(head -> !head.chained()).count();
        long proved = events.heads().size() - unchained;
        List<String> report = new ArrayList<>();
        report.add("OK: bundle of insurer " + manifest.insurer() + ", year " + manifest.year() + ": " + events.events()
                + " events in " + events.heads().size() + " streams, chains intact from sequence 0");
        report.add("CHECKPOINT " + checkpoint.id() + " OK: up to position " + checkpoint.upToPosition() + ", root "
                + HEX.formatHex(checkpoint.merkleRoot(), 0, 8) + "…, signed " + checkpoint.createdAt() + " by key "
                + checkpoint.keyId() + (givenKey == null ? " (the key in the bundle)" : " (the key given)"));
        report.add("HEADS OK: the last event of each of the " + proved + " streams is in the checkpoint's root "
                + "(inclusion proofs)");
        report.add("MANIFEST OK: " + BundleLayout.EVENTS + " SHA-256 " + manifest.eventsSha256().substring(0, 16) + "…, "
                + events.events() + " events of " + events.eventsByType().size() + " types, positions "
                + events.firstPosition() + " to " + events.lastPosition() + ", " + events.heads().size() + " streams");
        if (log != null) {
            report.addAll(log.report());
            report.add(completeness);
        }
        if (unchained > 0) {
            report.add("note: " + unchained + " streams were stored entirely before the hash chain existed: only "
                    + "their order and sequence numbers are checked, the checkpoint does not cover them");
        }
        if (givenKey == null) {
            report.add("warning: checked with the public key inside the bundle only: that shows the bundle is "
                    + "consistent, not that the installation signed it. Pass --public-key with the key obtained from "
                    + "the installation apart from this bundle");
        }
        if (log == null) {
            report.add("note: a " + BundleLayout.FORMAT_1 + " bundle cannot show that no event or whole stream of the "
                    + "insurer was left out of it; a " + BundleLayout.FORMAT + " bundle can (README)");
        }
        return new Verdict(null, report);
    }

    private byte[] bytes(String name) throws IOException {
        try (InputStream in = open(name)) {
            return in.readAllBytes();
        }
    }

    private BufferedReader reader(String name) throws IOException {
        return new BufferedReader(new InputStreamReader(open(name), StandardCharsets.UTF_8));
    }

    private InputStream open(String name) throws IOException {
        ZipEntry entry = zip.getEntry(name);
        return zip.getInputStream(entry);
    }

    private static Verdict bundle(String detail) {
        return new Verdict(Tampering.BUNDLE, List.of(Tampering.BUNDLE + ": " + detail));
    }

    private static byte[] hex(String text) {
        if (text == null) {
            return null;
        }
        try {
            return HEX.parseHex(text);
        } catch (IllegalArgumentException e) {
            return new byte[0];
        }
    }

    private static String short16(byte[] hash) {
        return hash == null ? "none" : HEX.formatHex(hash, 0, Math.min(8, hash.length)) + "…";
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
