package nl.ggz.contracts.audit;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * A signed head of the log in the C2SP tlog-checkpoint format, a C2SP signed note (https://c2sp.org/signed-note,
 * https://c2sp.org/tlog-checkpoint):
 * <pre>
 * {origin}\n{tree size, decimal}\n{root hash, base64}\n[extension lines\n]
 * \n
 * — {key name} {base64(key hash, 4 bytes ‖ Ed25519 signature, 64 bytes)}\n      one line per signature
 * </pre>
 * The signature is over the body (the lines before the blank line, each with its {@code \n}); the key name is the
 * origin, and the key hash the first 4 bytes of SHA-256(key name ‖ 0x0A ‖ 0x01 ‖ the 32-byte Ed25519 public key).
 * Signature lines of other keys (cosignatures of witnesses) are kept and ignored.
 */
public record LogCheckpoint(String origin, long treeSize, byte[] rootHash, String body, List<NoteSignature> signatures,
                            String note) {

    private static final String DASH = "\u2014 ";
    /** X.509 SubjectPublicKeyInfo of an Ed25519 key up to its 32 raw bytes (RFC 8410). */
    private static final byte[] X509_ED25519 = {0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00};
    private static final byte ED25519_TYPE = 0x01;

    public LogCheckpoint {
        signatures = List.copyOf(signatures);
    }

    /** One signature line: the key's name, its 4-byte hash and the signature. */
    public record NoteSignature(String keyName, byte[] keyHash, byte[] signature) {
    }

    /** Reads a note; refuses one that is no checkpoint (naming what is wrong). Its signatures are not checked here. */
    public static LogCheckpoint parse(String note) {
        if (!note.endsWith("\n")) {
            throw new IllegalArgumentException("a signed note ends with a newline");
        }
        int blank = note.lastIndexOf("\n\n");
        if (blank < 0) {
            throw new IllegalArgumentException("a signed note has a blank line before its signatures");
        }
        String body = note.substring(0, blank + 1);
        String[] lines = body.split("\n", -1);
        if (lines.length < 4) {
            throw new IllegalArgumentException("a checkpoint has an origin, a tree size and a root hash");
        }
        String origin = lines[0];
        if (origin.isEmpty()) {
            throw new IllegalArgumentException("the checkpoint's origin is empty");
        }
        if (!lines[1].matches("0|[1-9][0-9]{0,18}")) {
            throw new IllegalArgumentException("the checkpoint's tree size is not a decimal number: " + lines[1]);
        }
        long size;
        try {
            size = Long.parseLong(lines[1]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the checkpoint's tree size is too large: " + lines[1]);
        }
        byte[] root;
        try {
            root = Base64.getDecoder().decode(lines[2]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the checkpoint's root hash is not base64");
        }
        if (root.length != LogHash.LENGTH) {
            throw new IllegalArgumentException("the checkpoint's root hash is " + root.length + " bytes, not 32");
        }
        List<NoteSignature> signatures = new ArrayList<>();
        for (String line : note.substring(blank + 2).split("\n")) {
            if (!line.startsWith(DASH)) {
                throw new IllegalArgumentException("not a signature line: " + line);
            }
            String[] parts = line.substring(DASH.length()).split(" ", -1);
            if (parts.length != 2 || parts[0].isEmpty()) {
                throw new IllegalArgumentException("not a signature line: " + line);
            }
            byte[] blob;
            try {
                blob = Base64.getDecoder().decode(parts[1]);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("the signature of " + parts[0] + " is not base64");
            }
            if (blob.length < 5) {
                throw new IllegalArgumentException("the signature of " + parts[0] + " is too short");
            }
            signatures.add(new NoteSignature(parts[0], Arrays.copyOf(blob, 4), Arrays.copyOfRange(blob, 4, blob.length)));
        }
        if (signatures.isEmpty()) {
            throw new IllegalArgumentException("the checkpoint carries no signature");
        }
        return new LogCheckpoint(origin, size, root, body, signatures, note);
    }

    /** The note exactly as received (kept in the trusted state as the evidence of what was signed). */
    public String text() {
        return note;
    }

    /**
     * Whether the note carries a valid signature by this key under this name (the origin, for the log's own key).
     * Lines of other names, or of the name with another key hash, are not this key's and are passed over.
     */
    public boolean signedBy(String keyName, PublicKey key) {
        byte[] keyHash = keyHash(keyName, key);
        for (NoteSignature signature : signatures) {
            if (signature.keyName().equals(keyName) && Arrays.equals(signature.keyHash(), keyHash)
                    && verify(body.getBytes(StandardCharsets.UTF_8), signature.signature(), key)) {
                return true;
            }
        }
        return false;
    }

    /** The note body of a checkpoint, without extension lines. */
    public static String body(String origin, long treeSize, byte[] rootHash) {
        return origin + "\n" + treeSize + "\n" + Base64.getEncoder().encodeToString(rootHash) + "\n";
    }

    /** Signs a body as the server does (here for the verifier's own tests and tools). */
    public static String sign(String body, String keyName, PrivateKey key, PublicKey publicKey) {
        try {
            Signature signer = Signature.getInstance(CheckpointSignature.ALGORITHM);
            signer.initSign(key);
            signer.update(body.getBytes(StandardCharsets.UTF_8));
            byte[] blob = ByteBuffer.allocate(68).put(keyHash(keyName, publicKey)).put(signer.sign()).array();
            return body + "\n" + DASH + keyName + " " + Base64.getEncoder().encodeToString(blob) + "\n";
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("an Ed25519 signature could not be made", e);
        }
    }

    /** First 4 bytes of SHA-256(key name ‖ 0x0A ‖ 0x01 ‖ raw public key): the C2SP signed-note key hash. */
    public static byte[] keyHash(String keyName, PublicKey key) {
        MessageDigest sha256 = MerkleRoot.sha256();
        sha256.update(keyName.getBytes(StandardCharsets.UTF_8));
        sha256.update((byte) 0x0A);
        sha256.update(ED25519_TYPE);
        sha256.update(raw(key));
        return Arrays.copyOf(sha256.digest(), 4);
    }

    /** The 32 raw bytes of an Ed25519 public key. */
    public static byte[] raw(PublicKey key) {
        byte[] encoded = key.getEncoded();
        if (encoded.length != X509_ED25519.length + 32
                || !Arrays.equals(Arrays.copyOf(encoded, X509_ED25519.length), X509_ED25519)) {
            throw new IllegalArgumentException("not an Ed25519 public key");
        }
        return Arrays.copyOfRange(encoded, X509_ED25519.length, encoded.length);
    }

    /** An Ed25519 public key from its 32 raw bytes (as a signed-note verifier key carries it). */
    public static PublicKey publicKey(byte[] raw) {
        try {
            byte[] encoded = ByteBuffer.allocate(X509_ED25519.length + 32).put(X509_ED25519).put(raw).array();
            return KeyFactory.getInstance(CheckpointSignature.ALGORITHM).generatePublic(new X509EncodedKeySpec(encoded));
        } catch (GeneralSecurityException | java.nio.BufferOverflowException e) {
            throw new IllegalArgumentException("not an Ed25519 public key", e);
        }
    }

    private static boolean verify(byte[] body, byte[] signature, PublicKey key) {
        try {
            Signature verifier = Signature.getInstance(CheckpointSignature.ALGORITHM);
            verifier.initVerify(key);
            verifier.update(body);
            return verifier.verify(signature);
        } catch (InvalidKeyException e) {
            throw new IllegalArgumentException("not an Ed25519 public key", e);
        } catch (SignatureException malformed) {
            return false;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java 17 runtime has Ed25519", e);
        }
    }
}
