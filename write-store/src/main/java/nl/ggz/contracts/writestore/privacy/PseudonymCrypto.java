package nl.ggz.contracts.writestore.privacy;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * The cryptography of sealed pseudonyms, JDK only: AES-256-GCM with a random 96-bit IV per seal (never reused under a
 * key: 2^32 seals of one person's pseudonym stay far below the bound), the insurer and the keyed hash as associated
 * data (a ciphertext moved to another insurer or person does not open), and HMAC-SHA256 under the insurer's secret hash
 * key for equality. Shared by the runtime and the migration that sealed the ledger's plain pseudonyms.
 */
public final class PseudonymCrypto {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final Base64.Encoder TEXT = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder FROM_TEXT = Base64.getUrlDecoder();
    /** Looking a transformation up costs more than using it: one instance per thread, initialised per use. */
    private static final ThreadLocal<Mac> HMAC = ThreadLocal.withInitial(
            () -> instance(() -> Mac.getInstance("HmacSHA256")));
    private static final ThreadLocal<Cipher> AES_GCM = ThreadLocal.withInitial(
            () -> instance(() -> Cipher.getInstance("AES/GCM/NoPadding")));

    private PseudonymCrypto() {
    }

    /** A fresh 256-bit key (a data key, or an insurer's hash key). */
    public static byte[] newKey() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return key;
    }

    /** HMAC-SHA256 of the pseudonym under the insurer's hash key, as 43 characters of base64url. */
    public static String keyedHash(byte[] hashKey, String patientRef) {
        try {
            Mac mac = HMAC.get();
            mac.init(new SecretKeySpec(hashKey, "HmacSHA256"));
            return TEXT.encodeToString(mac.doFinal(patientRef.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
        }
    }

    /** IV and ciphertext with its tag, as base64url. */
    public static String seal(byte[] dataKey, String insurer, String keyedHash, String patientRef) {
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        try {
            Cipher cipher = AES_GCM.get();
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(dataKey, "AES"), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(associatedData(insurer, keyedHash));
            byte[] sealed = cipher.doFinal(patientRef.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[IV_BYTES + sealed.length];
            System.arraycopy(iv, 0, out, 0, IV_BYTES);
            System.arraycopy(sealed, 0, out, IV_BYTES, sealed.length);
            return TEXT.encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }

    /** The pseudonym, or empty when this key did not seal it (another key, another insurer or person, altered). */
    public static Optional<String> open(byte[] dataKey, String insurer, String keyedHash, String ciphertext) {
        try {
            byte[] in = FROM_TEXT.decode(ciphertext);
            if (in.length <= IV_BYTES) {
                return Optional.empty();
            }
            Cipher cipher = AES_GCM.get();
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(dataKey, "AES"),
                    new GCMParameterSpec(TAG_BITS, in, 0, IV_BYTES));
            cipher.updateAAD(associatedData(insurer, keyedHash));
            return Optional.of(new String(cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES), StandardCharsets.UTF_8));
        } catch (AEADBadTagException | IllegalArgumentException e) {
            return Optional.empty();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }

    private interface Lookup<T> {
        T get() throws GeneralSecurityException;
    }

    private static <T> T instance(Lookup<T> lookup) {
        try {
            return lookup.get();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM and HMAC-SHA256 are part of every JDK", e);
        }
    }

    private static byte[] associatedData(String insurer, String keyedHash) {
        return (insurer + "/" + keyedHash).getBytes(StandardCharsets.UTF_8);
    }
}
