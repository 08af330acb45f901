package nl.ggz.contracts.eventstore.log;

import nl.ggz.contracts.audit.Cosignature;
import nl.ggz.contracts.audit.LogCheckpoint;
import nl.ggz.contracts.audit.WitnessKey;
import nl.ggz.contracts.domain.shared.Echo;
import nl.ggz.contracts.domain.shared.InvalidValueException;
import nl.ggz.contracts.domain.shared.StateConflictException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Witnesses' cosignatures of the log's heads (C2SP tlog-cosignature, cosignature/v1 Ed25519): a configured witness
 * ({@code ggz.audit.log.witnesses}) sends the checkpoint note it cosigned, its own line appended. The line is kept
 * only when the head is one this installation signed — its origin, a size within the log and the log's root at that
 * size — and the line verifies with the witness's key; anything else is refused, naming why, and nothing is kept.
 * The checkpoint of that size is then served with the line ({@link VerifiableLog#checkpoint(String, Long)}).
 */
@Component
public class LogCosignatures {

    /** A cosigned checkpoint is a few hundred characters; more is not one. */
    public static final int MAX_LENGTH = 16_384;
    private static final String DASH = "\u2014 ";
    /** A witness's clock may run a little ahead of ours; a cosignature from further in the future is refused. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(10);

    private final DataSource dataSource;
    private final VerifiableLog log;
    private final Map<String, WitnessKey> witnesses = new LinkedHashMap<>();
    private final Clock clock;

    @Autowired
    public LogCosignatures(DataSource dataSource, VerifiableLog log, LogWitnessProperties settings) {
        this(dataSource, log, settings, Clock.systemUTC());
    }

    LogCosignatures(DataSource dataSource, VerifiableLog log, LogWitnessProperties settings, Clock clock) {
        this.dataSource = dataSource;
        this.log = log;
        this.clock = clock;
        for (int i = 0; i < settings.witnesses().size(); i++) {
            try {
                WitnessKey key = WitnessKey.parse(settings.witnesses().get(i));
                if (witnesses.putIfAbsent(key.name(), key) != null) {
                    throw new IllegalArgumentException("a second key for witness " + key.name());
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("ggz.audit.log.witnesses[" + i + "]: " + e.getMessage(), e);
            }
        }
    }

    /** One witness's cosignature as accepted: when it cosigned, and whether it is new (false: already kept). */
    public record Accepted(String witness, Instant cosignedAt, boolean stored) {
    }

    /** What was accepted of a cosigned checkpoint. */
    public record Cosigned(String origin, long treeSize, List<Accepted> cosignatures) {
    }

    public Cosigned accept(String note) {
        if (note == null || note.isEmpty()) {
            throw new InvalidValueException("the body is the checkpoint note (text/plain) with the witness's "
                    + "cosignature line appended");
        }
        if (note.length() > MAX_LENGTH) {
            throw new InvalidValueException("a cosigned checkpoint is at most " + MAX_LENGTH + " characters, got "
                    + note.length());
        }
        refuseInvisible(note);
        if (!note.endsWith("\n")) {
            throw new InvalidValueException("a signed note ends with a newline");
        }
        int blank = note.indexOf("\n\n");
        if (blank < 0) {
            throw new InvalidValueException("a signed note has a blank line between its body and its signatures");
        }
        String body = note.substring(0, blank + 1);
        String[] lines = body.split("\n", -1);
        if (lines.length != 4) {
            throw new InvalidValueException("a checkpoint's body is three lines (origin, tree size, root hash), got "
                    + (lines.length - 1));
        }
        String insurer = insurerOf(lines[0]);
        String origin = log.origin(insurer);
        if (!lines[1].matches("[1-9][0-9]{0,17}")) {
            throw new InvalidValueException("the tree size is a whole number of 1 or more without leading zeros, got '"
                    + Echo.of(lines[1]) + "'");
        }
        long size = Long.parseLong(lines[1]);
        byte[] root = root(lines[2]);
        long current = log.size(insurer);
        if (size > current) {
            throw new InvalidValueException("tree size " + size + " is beyond the log's size " + current + " ("
                    + origin + ")");
        }
        if (!Arrays.equals(root, log.root(insurer, size))) {
            throw new StateConflictException("the root hash is not the root of " + origin + " at size " + size
                    + ": this installation never signed that head (a witness that saw it was shown another history)");
        }
        List<LogCheckpoint.NoteSignature> signatures = signatures(note.substring(blank + 2), origin);
        if (signatures.isEmpty()) {
            throw new InvalidValueException("no cosignature of a witness in it: append the witness's line "
                    + "(— <witness name> base64(key ID ‖ timestamp ‖ signature)) after the checkpoint's own");
        }
        List<Accepted> accepted = new ArrayList<>();
        List<String> witnessLines = new ArrayList<>();
        for (LogCheckpoint.NoteSignature signature : signatures) {
            WitnessKey witness = witnesses.get(signature.keyName());
            Optional<Instant> at = Cosignature.verify(body, signature, witness);
            if (at.isEmpty()) {
                throw new InvalidValueException("the cosignature of witness " + witness.name() + " does not verify "
                        + "over this head with its key (cosignature/v1, Ed25519, key ID " + java.util.HexFormat.of()
                        .formatHex(witness.keyId()) + ")");
            }
            if (at.get().isAfter(clock.instant().plus(CLOCK_SKEW))) {
                throw new InvalidValueException("the cosignature of witness " + witness.name() + " is dated "
                        + at.get() + ", in the future");
            }
            accepted.add(new Accepted(witness.name(), at.get(), false));
            witnessLines.add(DASH + signature.keyName() + " " + Base64.getEncoder().encodeToString(
                    concat(signature.keyHash(), signature.signature())));
        }
        return new Cosigned(origin, size, store(insurer, size, root, accepted, witnessLines));
    }

    private List<Accepted> store(String insurer, long size, byte[] root, List<Accepted> accepted, List<String> lines) {
        List<Accepted> result = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO audit_log_cosignature (log, tree_size,"
                     + " root, witness, signed_at, line) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
            for (int i = 0; i < accepted.size(); i++) {
                insert.setString(1, insurer == null ? LogStore.GLOBAL : insurer);
                insert.setLong(2, size);
                insert.setBytes(3, root);
                insert.setString(4, accepted.get(i).witness());
                insert.setTimestamp(5, Timestamp.from(accepted.get(i).cosignedAt()));
                insert.setString(6, lines.get(i));
                boolean stored = insert.executeUpdate() == 1;
                result.add(new Accepted(accepted.get(i).witness(), accepted.get(i).cosignedAt(), stored));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not keep the cosignature", e);
        }
        return result;
    }

    /** The insurer whose log the origin names (null: the global log); refused when it is no log of this one. */
    private String insurerOf(String origin) {
        String global = log.origin(null);
        if (origin.equals(global)) {
            return null;
        }
        String prefix = global + "/insurer/";
        if (origin.startsWith(prefix) && origin.substring(prefix.length()).matches("\\d{4}")) {
            return origin.substring(prefix.length());
        }
        throw new InvalidValueException("the origin '" + Echo.of(origin) + "' is not a log of this installation ("
                + global + ", or " + prefix + "<UZOVI>)");
    }

    private static byte[] root(String line) {
        byte[] root;
        try {
            root = Base64.getDecoder().decode(line);
        } catch (IllegalArgumentException e) {
            root = null;
        }
        if (root == null || root.length != 32 || !Base64.getEncoder().encodeToString(root).equals(line)) {
            throw new InvalidValueException("the root hash is 32 bytes in standard base64 (44 characters), got '"
                    + Echo.of(line) + "'");
        }
        return root;
    }

    /**
     * The witnesses' lines of the signature block; the log's own line (its origin as key name) is passed over, it is
     * made again when the checkpoint is served. A line of no configured witness, or twice the same, is refused.
     */
    private List<LogCheckpoint.NoteSignature> signatures(String block, String origin) {
        List<LogCheckpoint.NoteSignature> signatures = new ArrayList<>();
        String[] lines = block.split("\n", -1);
        for (int i = 0; i < lines.length - 1; i++) {
            String line = lines[i];
            String[] parts = line.startsWith(DASH) ? line.substring(DASH.length()).split(" ", -1) : new String[0];
            if (parts.length != 2 || parts[0].isEmpty()) {
                throw new InvalidValueException("signature line " + (i + 1) + " is not '— <key name> <base64>'");
            }
            if (parts[0].equals(origin)) {
                continue;
            }
            if (!witnesses.containsKey(parts[0])) {
                throw new InvalidValueException("no witness named '" + Echo.of(parts[0]) + "' is configured "
                        + "(ggz.audit.log.witnesses)" + (witnesses.isEmpty() ? ": none is" : ""));
            }
            byte[] blob;
            try {
                blob = Base64.getDecoder().decode(parts[1]);
            } catch (IllegalArgumentException e) {
                throw new InvalidValueException("the signature of " + parts[0] + " is not base64");
            }
            if (blob.length != 4 + 8 + 64) {
                throw new InvalidValueException("the cosignature of " + parts[0] + " is " + blob.length + " bytes, not "
                        + "76 (key ID, timestamp, Ed25519 signature)");
            }
            if (signatures.stream().anyMatch(s -> s.keyName().equals(parts[0]))) {
                throw new InvalidValueException("witness " + parts[0] + " has two lines in it");
            }
            signatures.add(new LogCheckpoint.NoteSignature(parts[0], Arrays.copyOf(blob, 4),
                    Arrays.copyOfRange(blob, 4, blob.length)));
        }
        return signatures;
    }

    /** Control characters (but the newline), bidirectional controls, lone surrogates and noncharacters. */
    private static void refuseInvisible(String note) {
        for (int i = 0, position = 1; i < note.length(); position++) {
            int c = note.codePointAt(i);
            boolean bad = (c < 0x20 && c != '\n') || (c >= 0x7F && c <= 0x9F) || (c >= 0x202A && c <= 0x202E)
                    || (c >= 0x2066 && c <= 0x2069) || Character.getType(c) == Character.SURROGATE
                    || (c >= 0xFDD0 && c <= 0xFDEF) || (c & 0xFFFE) == 0xFFFE;
            if (bad) {
                throw new InvalidValueException("the note holds U+" + String.format("%04X", c) + " at position "
                        + position + "; a checkpoint note is text lines without control characters");
            }
            i += Character.charCount(c);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] joined = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, joined, a.length, b.length);
        return joined;
    }
}
