package nl.ggz.contracts.eventstore.log;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Arrays;
import java.util.Base64;

/**
 * A checkpoint as a C2SP signed note (c2sp.org/signed-note, c2sp.org/tlog-checkpoint): the body — origin, tree size
 * in decimal, root hash in standard base64, each line ended by a newline — a blank line, and one signature line
 * {@code — <key name> base64(key hash ‖ Ed25519 signature)}. The key name is the origin; the key hash is the first 4
 * bytes of SHA-256(key name ‖ 0x0A ‖ 0x01 ‖ the 32-byte public key), 0x01 naming Ed25519.
 */
public final class SignedNote {

    private static final byte ED25519 = 0x01;
    /** the end of the X.509 SubjectPublicKeyInfo of an Ed25519 key is the raw 32-byte key (RFC 8410) */
    private static final int RAW_KEY = 32;

    private SignedNote() {
    }

    public static String body(String origin, long size, byte[] root) {
        return origin + "\n" + size + "\n" + Base64.getEncoder().encodeToString(root) + "\n";
    }

    public static String sign(String body, String keyName, PrivateKey privateKey, PublicKey publicKey) {
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(privateKey);
            signer.update(body.getBytes(StandardCharsets.UTF_8));
            byte[] signature = signer.sign();
            byte[] line = new byte[4 + signature.length];
            System.arraycopy(keyHash(keyName, publicKey), 0, line, 0, 4);
            System.arraycopy(signature, 0, line, 4, signature.length);
            return body + "\n\u2014 " + keyName + " " + Base64.getEncoder().encodeToString(line) + "\n";
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not sign the log checkpoint with the audit key", e);
        }
    }

    public static byte[] keyHash(String keyName, PublicKey publicKey) {
        MessageDigest sha = LogHashes.sha256();
        sha.update(keyName.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0x0A);
        sha.update(ED25519);
        sha.update(rawKey(publicKey));
        return Arrays.copyOf(sha.digest(), 4);
    }

    public static byte[] rawKey(PublicKey publicKey) {
        byte[] encoded = publicKey.getEncoded();
        return Arrays.copyOfRange(encoded, encoded.length - RAW_KEY, encoded.length);
    }
}
