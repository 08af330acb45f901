package nl.ggz.contracts.audit;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.SignatureException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

/**
 * A witness's cosignature of a checkpoint (C2SP tlog-cosignature, Ed25519 "cosignature/v1"): a note signature line
 * {@code — <witness name> base64(key ID, 4 bytes ‖ timestamp, 8 bytes big-endian ‖ Ed25519 signature, 64 bytes)}, the
 * signature over {@code "cosignature/v1\ntime <timestamp>\n"} followed by the checkpoint's note body. It says: as of
 * that time, this is the largest consistent head of the log the witness has seen.
 */
public final class Cosignature {

    private static final int LENGTH = 4 + 8 + 64;

    private Cosignature() {
    }

    /** The signed message of a cosignature at {@code seconds} (POSIX time) over a note body. */
    public static byte[] message(long seconds, String body) {
        return ("cosignature/v1\ntime " + seconds + "\n" + body).getBytes(StandardCharsets.UTF_8);
    }

    /** The signature line a witness appends (for the verifier's tests and a witness's own tools). */
    public static String line(String body, WitnessKey witness, PrivateKey key, Instant at) {
        try {
            Signature signer = Signature.getInstance(CheckpointSignature.ALGORITHM);
            signer.initSign(key);
            signer.update(message(at.getEpochSecond(), body));
            byte[] blob = ByteBuffer.allocate(LENGTH).put(witness.keyId()).putLong(at.getEpochSecond())
                    .put(signer.sign()).array();
            return "\u2014 " + witness.name() + " " + Base64.getEncoder().encodeToString(blob) + "\n";
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("an Ed25519 signature could not be made", e);
        }
    }

    /**
     * The time of this witness's valid cosignature among the note's signatures, if it has one: a line of the witness's
     * name and key ID, 76 bytes, whose signature verifies over the body at its timestamp.
     */
    public static Optional<Instant> verify(String body, LogCheckpoint.NoteSignature signature, WitnessKey witness) {
        if (!signature.keyName().equals(witness.name()) || !Arrays.equals(signature.keyHash(), witness.keyId())
                || signature.signature().length != LENGTH - 4) {
            return Optional.empty();
        }
        ByteBuffer blob = ByteBuffer.wrap(signature.signature());
        long seconds = blob.getLong();
        if (seconds < 0 || seconds > Instant.MAX.getEpochSecond()) {
            return Optional.empty();
        }
        byte[] ed25519 = new byte[64];
        blob.get(ed25519);
        try {
            Signature verifier = Signature.getInstance(CheckpointSignature.ALGORITHM);
            verifier.initVerify(witness.key());
            verifier.update(message(seconds, body));
            return verifier.verify(ed25519) ? Optional.of(Instant.ofEpochSecond(seconds)) : Optional.empty();
        } catch (InvalidKeyException e) {
            throw new IllegalArgumentException("not an Ed25519 public key", e);
        } catch (SignatureException malformed) {
            return Optional.empty();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java 17 runtime has Ed25519", e);
        }
    }

    /** The witness's valid cosignature on a checkpoint, if any. */
    public static Optional<Instant> on(LogCheckpoint checkpoint, WitnessKey witness) {
        for (LogCheckpoint.NoteSignature signature : checkpoint.signatures()) {
            Optional<Instant> at = verify(checkpoint.body(), signature, witness);
            if (at.isPresent()) {
                return at;
            }
        }
        return Optional.empty();
    }
}
