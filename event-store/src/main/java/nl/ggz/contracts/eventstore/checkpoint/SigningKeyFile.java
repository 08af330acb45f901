package nl.ggz.contracts.eventstore.checkpoint;

import nl.ggz.contracts.audit.CheckpointSignature;
import nl.ggz.contracts.audit.Pem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.Set;

/**
 * The signing key on disk: the private key as a PKCS#8 PEM ({@code -----BEGIN PRIVATE KEY-----}, as
 * {@code openssl genpkey -algorithm ed25519} writes it), readable by its owner only; the public key as a PEM next to
 * it, same name ending in {@code .pub} instead of {@code .pem} (written for operators; derived from the private key when
 * it is not there). A key made here is written to a temporary file and moved into place, so a crash never leaves half
 * a key.
 */
public final class SigningKeyFile {

    private static final Logger log = LoggerFactory.getLogger(SigningKeyFile.class);
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private SigningKeyFile() {
    }

    /** The key at {@code privateKey}, made and written there first when there is none yet. */
    public static KeyPair loadOrGenerate(Path privateKey) {
        if (!Files.exists(privateKey)) {
            generate(privateKey);
        }
        return load(privateKey);
    }

    /** The key at {@code privateKey}; its public half from the sibling {@code .pub} file, or derived. */
    public static KeyPair load(Path privateKey) {
        try {
            warnIfReadableByOthers(privateKey);
            PrivateKey key = KeyFactory.getInstance(CheckpointSignature.ALGORITHM).generatePrivate(
                    new PKCS8EncodedKeySpec(Pem.decode(Files.readString(privateKey, StandardCharsets.US_ASCII),
                            Pem.PRIVATE_KEY)));
            Path sibling = publicKeyFile(privateKey);
            PublicKey publicKey = Files.exists(sibling)
                    ? CheckpointSignature.publicKey(Files.readString(sibling, StandardCharsets.US_ASCII))
                    : derivePublicKey(key);
            KeyPair pair = new KeyPair(publicKey, key);
            if (!matches(pair)) {
                throw new IllegalStateException("the public key " + sibling + " does not belong to the private key "
                        + privateKey);
            }
            return pair;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the audit signing key " + privateKey, e);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException(privateKey + " is not an Ed25519 private key in PKCS#8 PEM: "
                    + e.getMessage(), e);
        }
    }

    /** {@code audit-signing-key.pem} → {@code audit-signing-key.pub}. */
    public static Path publicKeyFile(Path privateKey) {
        String name = privateKey.getFileName().toString();
        String base = name.endsWith(".pem") ? name.substring(0, name.length() - 4) : name;
        return privateKey.resolveSibling(base + ".pub");
    }

    private static void generate(Path privateKey) {
        try {
            KeyPair pair = KeyPairGenerator.getInstance(CheckpointSignature.ALGORITHM).generateKeyPair();
            Path folder = privateKey.toAbsolutePath().getParent();
            Files.createDirectories(folder);
            Path temporary = ownerOnlyTemporaryFile(folder);
            Files.writeString(temporary, Pem.encode(Pem.PRIVATE_KEY, pair.getPrivate().getEncoded()),
                    StandardCharsets.US_ASCII);
            Files.move(temporary, privateKey, StandardCopyOption.ATOMIC_MOVE);
            Files.writeString(publicKeyFile(privateKey), CheckpointSignature.publicKeyPem(pair.getPublic()),
                    StandardCharsets.US_ASCII);
            log.info("made the audit signing key {} (id {}) and its public key {}", privateKey,
                    CheckpointSignature.keyId(pair.getPublic()), publicKeyFile(privateKey));
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the audit signing key " + privateKey, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java 17 runtime has Ed25519", e);
        }
    }

    private static Path ownerOnlyTemporaryFile(Path folder) throws IOException {
        try {
            return Files.createTempFile(folder, ".audit-signing-key", ".tmp",
                    PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the next best thing
            Path temporary = Files.createTempFile(folder, ".audit-signing-key", ".tmp");
            temporary.toFile().setReadable(false, false);
            temporary.toFile().setReadable(true, true);
            temporary.toFile().setWritable(false, false);
            temporary.toFile().setWritable(true, true);
            return temporary;
        }
    }

    private static void warnIfReadableByOthers(Path privateKey) throws IOException {
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(privateKey);
            if (!OWNER_ONLY.containsAll(permissions)) {
                log.warn("the audit signing key {} can be read by others ({}): chmod 600 it",
                        privateKey, PosixFilePermissions.toString(permissions));
            }
        } catch (UnsupportedOperationException notPosix) {
            // nothing to check
        }
    }

    /**
     * The JDK has no call that derives an Ed25519 public key, but its key pair generator takes the private key's 32
     * bytes from the random source it is given (RFC 8032 §5.1.5): handing it those bytes gives the same pair. Checked
     * against the private key read, so that another runtime cannot silently make a different key.
     */
    private static PublicKey derivePublicKey(PrivateKey key) throws GeneralSecurityException {
        byte[] seed = ((EdECPrivateKey) key).getBytes()
                .orElseThrow(() -> new GeneralSecurityException("the private key's bytes cannot be read"));
        KeyPairGenerator generator = KeyPairGenerator.getInstance(CheckpointSignature.ALGORITHM);
        generator.initialize(NamedParameterSpec.ED25519, new SecureRandom() {
            @Override
            public void nextBytes(byte[] bytes) {
                System.arraycopy(seed, 0, bytes, 0, Math.min(seed.length, bytes.length));
            }
        });
        KeyPair derived = generator.generateKeyPair();
        if (!Arrays.equals(((EdECPrivateKey) derived.getPrivate()).getBytes().orElse(null), seed)) {
            throw new GeneralSecurityException("this runtime cannot derive the public key; put it next to the private"
                    + " key as a .pub PEM");
        }
        return derived.getPublic();
    }

    /** Whether the two halves belong together: a signature of one is verified by the other. */
    private static boolean matches(KeyPair pair) throws GeneralSecurityException {
        byte[] probe = "ggz-audit-key-check".getBytes(StandardCharsets.US_ASCII);
        Signature signer = Signature.getInstance(CheckpointSignature.ALGORITHM);
        signer.initSign(pair.getPrivate());
        signer.update(probe);
        Signature verifier = Signature.getInstance(CheckpointSignature.ALGORITHM);
        verifier.initVerify(pair.getPublic());
        verifier.update(probe);
        return verifier.verify(signer.sign());
    }
}
