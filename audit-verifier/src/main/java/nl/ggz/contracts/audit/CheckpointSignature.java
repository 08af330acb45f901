package nl.ggz.contracts.audit;

import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.security.spec.X509EncodedKeySpec;
import java.util.HexFormat;

/**
 * Ed25519 (the JDK's own, no library) over a checkpoint's {@link Checkpoint#signedText()}. A public key travels as a
 * PEM {@code PUBLIC KEY} (X.509 SubjectPublicKeyInfo), as {@code openssl pkey -pubout} writes it; its id is the first
 * 16 hex digits of SHA-256 over that encoding, so that a checkpoint names the key it was signed with.
 */
public final class CheckpointSignature {

    public static final String ALGORITHM = "Ed25519";

    private CheckpointSignature() {
    }

    public static byte[] sign(Checkpoint checkpoint, PrivateKey key) {
        try {
            Signature signer = Signature.getInstance(ALGORITHM);
            signer.initSign(key);
            signer.update(checkpoint.signedText());
            return signer.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("an Ed25519 signature could not be made", e);
        }
    }

    /** Whether the checkpoint's signature is the key's signature of its signed text. */
    public static boolean verify(Checkpoint checkpoint, PublicKey key) {
        if (checkpoint.signature() == null) {
            return false;
        }
        try {
            Signature verifier = Signature.getInstance(ALGORITHM);
            verifier.initVerify(key);
            verifier.update(checkpoint.signedText());
            return verifier.verify(checkpoint.signature());
        } catch (InvalidKeyException e) {
            throw new IllegalArgumentException("not an Ed25519 public key", e);
        } catch (SignatureException malformed) {
            return false;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java 17 runtime has Ed25519", e);
        }
    }

    public static String keyId(PublicKey key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    public static PublicKey publicKey(String pem) {
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(Pem.decode(pem, Pem.PUBLIC_KEY)));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 public key: " + e.getMessage(), e);
        }
    }

    public static String publicKeyPem(PublicKey key) {
        return Pem.encode(Pem.PUBLIC_KEY, key.getEncoded());
    }
}
