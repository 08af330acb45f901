package nl.ggz.contracts.audit;

import java.security.PublicKey;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;

/**
 * Checks signed checkpoints against an export while it is read ({@link ExportVerifier}): a checkpoint at position P
 * is checked when the export has been read up to P (the next line lies beyond it, or the export ends at P), against
 * the stream heads of the lines read so far. In this order: the signature with the public key given, that no stream
 * started in the export after its sequence 0 (a filtered or resumed export cannot show a whole history), the
 * {@link MerkleRoot} of the heads, and the counts of events and streams.
 * <p>
 * A checkpoint beyond the end of the export fails too: an unfiltered export taken after a checkpoint always holds the
 * event at the checkpoint's position (the last one committed when it was taken), so an export that ends before it has
 * lost its end.
 */
final class CheckpointCheck {

    private final Deque<Checkpoint> pending;
    private final PublicKey key;
    private final String keyId;
    private final List<String> passed = new ArrayList<>();
    private final int given;

    CheckpointCheck(List<Checkpoint> checkpoints, PublicKey key) {
        this.given = checkpoints.size();
        List<Checkpoint> sorted = new ArrayList<>(checkpoints);
        sorted.sort(Comparator.comparingLong(Checkpoint::upToPosition).thenComparingLong(Checkpoint::id));
        this.pending = new ArrayDeque<>(sorted);
        this.key = key;
        this.keyId = CheckpointSignature.keyId(key);
    }

    /** Whether a checkpoint is due: the export has been read up to its position (nothing at or below it is to come). */
    boolean due(long readUpTo) {
        return !pending.isEmpty() && pending.peekFirst().upToPosition() <= readUpTo;
    }

    /**
     * Checks the next due checkpoint against the export read so far: every line up to its position, {@code events}
     * of them, the last of each stream in {@code heads}; {@code anchor} names a stream that did not start at sequence 0,
     * null when none. Answers the failure, or null.
     */
    String checkNext(Collection<StreamHead> heads, long events, String anchor) {
        Checkpoint checkpoint = pending.removeFirst();
        String name = "CHECKPOINT " + checkpoint.id();
        if (!keyId.equals(checkpoint.keyId())) {
            return name + ": signature invalid: it names key " + checkpoint.keyId() + ", the public key given is "
                    + keyId;
        }
        if (!CheckpointSignature.verify(checkpoint, key)) {
            return name + ": signature invalid: the checkpoint was changed after it was signed, or not signed with "
                    + "this key";
        }
        long position = checkpoint.upToPosition();
        if (anchor != null) {
            return name + ": cannot be checked against this export: stream " + anchor + ", so the export is filtered"
                    + " or resumed; a checkpoint is checked against the unfiltered export from the start";
        }
        if (!Arrays.equals(MerkleRoot.of(heads), checkpoint.merkleRoot())) {
            return name + ": root differs: the history up to position " + position + " was rewritten or is incomplete"
                    + " (the export holds " + events + " events in " + heads.size() + " streams up to it, the "
                    + "checkpoint counts " + checkpoint.events() + " in " + checkpoint.streams() + ")";
        }
        if (events != checkpoint.events() || heads.size() != checkpoint.streams()) {
            return name + ": the export holds " + events + " events in " + heads.size() + " streams up to position "
                    + position + ", the checkpoint counts " + checkpoint.events() + " in " + checkpoint.streams()
                    + ": events stored before the hash chain existed were removed or added";
        }
        passed.add(name + " OK: up to position " + position + ", " + events + " events in " + heads.size()
                + " streams, root " + HexFormat.of().formatHex(checkpoint.merkleRoot(), 0, 8) + "…, signed "
                + checkpoint.createdAt() + " by key " + keyId);
        return null;
    }

    /** After the last line: the first checkpoint beyond the export's last position, as a failure; or null. */
    String beyondEnd(long lastPosition) {
        if (pending.isEmpty()) {
            return null;
        }
        Checkpoint checkpoint = pending.peekFirst();
        return "CHECKPOINT " + checkpoint.id() + ": position " + checkpoint.upToPosition() + " is beyond the end of "
                + "the export (" + (lastPosition < 0 ? "it is empty" : "its last position is " + lastPosition)
                + "): the export is filtered or incomplete at the end, or older than the checkpoint";
    }

    /** The report lines of the checkpoints that passed, in order of position. */
    List<String> passed() {
        return passed;
    }

    /** How many checkpoints there were to check. */
    int given() {
        return given;
    }
}
