package nl.ggz.contracts.api;

import nl.ggz.contracts.eventstore.checkpoint.SigningKeyFile;
import nl.ggz.contracts.audit.CheckpointSignature;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The installation's signing key on disk: made once, kept from others, read back whole, also from openssl. */
class SigningKeyFileTest {

    /** Made with {@code openssl genpkey -algorithm ed25519}; its public key with {@code openssl pkey -pubout}. */
    private static final String OPENSSL_PRIVATE_KEY = """
            -----BEGIN PRIVATE KEY-----
            MC4CAQAwBQYDK2VwBCIEIHkPgGE+dpYGtzncHEf2ac6RBa+tsiPtfD3U6lvonwQl
            -----END PRIVATE KEY-----
            """;
    private static final String OPENSSL_PUBLIC_KEY = """
            -----BEGIN PUBLIC KEY-----
            MCowBQYDK2VwAyEA+JH9zeu1EGtTPFz+tuWwt0VzaYxdacoXKWixdxih6h4=
            -----END PUBLIC KEY-----
            """;

    @TempDir
    Path folder;

    @Test
    void aKeyIsMadeOnTheFirstStartOnlyAndReadableByItsOwnerOnly() throws IOException {
        Path file = folder.resolve("data/audit-signing-key.pem");
        KeyPair first = SigningKeyFile.loadOrGenerate(file);
        KeyPair second = SigningKeyFile.loadOrGenerate(file);

        assertThat(second.getPublic()).isEqualTo(first.getPublic());
        assertThat(second.getPrivate().getEncoded()).isEqualTo(first.getPrivate().getEncoded());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(Files.readString(file)).startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(CheckpointSignature.publicKey(Files.readString(folder.resolve("data/audit-signing-key.pub"))))
                .isEqualTo(first.getPublic());
        try (var files = Files.list(file.getParent())) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactlyInAnyOrder("audit-signing-key.pem",
                    "audit-signing-key.pub");
        }
    }

    @Test
    void withoutItsPublicKeyFileThePublicKeyIsDerivedFromThePrivateKey() throws IOException {
        Path file = folder.resolve("audit-signing-key.pem");
        KeyPair made = SigningKeyFile.loadOrGenerate(file);
        Files.delete(SigningKeyFile.publicKeyFile(file));

        assertThat(SigningKeyFile.load(file).getPublic()).isEqualTo(made.getPublic());
    }

    @Test
    void aKeyMadeWithOpensslIsReadAndItsPublicKeyDerivedAsOpensslDoes() throws IOException {
        Path file = Files.writeString(folder.resolve("insurer.pem"), OPENSSL_PRIVATE_KEY);
        assertThat(SigningKeyFile.load(file).getPublic()).isEqualTo(CheckpointSignature.publicKey(OPENSSL_PUBLIC_KEY));
    }

    @Test
    void aPublicKeyFileThatDoesNotBelongToThePrivateKeyIsRefused() throws Exception {
        Path file = Files.writeString(folder.resolve("insurer.pem"), OPENSSL_PRIVATE_KEY);
        KeyPair other = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        Files.writeString(folder.resolve("insurer.pub"), CheckpointSignature.publicKeyPem(other.getPublic()));

        assertThatThrownBy(() -> SigningKeyFile.load(file)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("does not belong to the private key");
    }

    @Test
    void aConfiguredKeyThatIsNotThereIsNotMadeButRefused() {
        assertThatThrownBy(() -> SigningKeyFile.load(folder.resolve("missing.pem")))
                .hasMessageContaining("could not read the audit signing key");
        assertThat(folder.resolve("missing.pem")).doesNotExist();
    }
}
