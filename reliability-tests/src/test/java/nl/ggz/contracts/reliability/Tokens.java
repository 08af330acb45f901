package nl.ggz.contracts.reliability;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Date;
import java.util.List;

/**
 * The identity provider of the tests: an RSA key pair whose public key every node is given
 * ({@code spring.security.oauth2.resourceserver.jwt.public-key-location}), with the issuer and audience a node
 * requires outside the trial, and bearer tokens signed with it (RS256) that carry the caller's role and tenant.
 */
final class Tokens {

    /** Only compared with each token's iss, never fetched: the nodes have the key. */
    static final String ISSUER = "https://idp.reliability-tests.invalid/realms/ggz";
    static final String AUDIENCE = "ggz-contracts";

    private final KeyPair keys;
    private final Path publicKeyFile;

    private Tokens(KeyPair keys, Path publicKeyFile) {
        this.keys = keys;
        this.publicKeyFile = publicKeyFile;
    }

    static Tokens create(Path directory) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair keys = generator.generateKeyPair();
            Files.createDirectories(directory);
            Path file = directory.resolve("jwt-public-key.pem");
            String pem = "-----BEGIN PUBLIC KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(keys.getPublic().getEncoded())
                    + "\n-----END PUBLIC KEY-----\n";
            Files.writeString(file, pem);
            return new Tokens(keys, file);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path publicKeyFile() {
        return publicKeyFile;
    }

    /** The command-line settings that make a node trust these tokens. */
    List<String> applicationSettings() {
        return List.of(
                "--spring.security.oauth2.resourceserver.jwt.public-key-location=file:" + publicKeyFile.toAbsolutePath(),
                "--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + ISSUER,
                "--spring.security.oauth2.resourceserver.jwt.audiences=" + AUDIENCE);
    }

    /** A caller with its token and the headers the application reads until security lands. */
    Caller purchaser(String insurer) {
        return caller("inkoper-" + insurer, "PURCHASER", insurer, null);
    }

    Caller provider(String agb) {
        return caller("aanbieder-" + agb, "PROVIDER", null, agb);
    }

    Caller claims(String insurer) {
        return caller("declaraties-" + insurer, "CLAIMS", insurer, null);
    }

    Caller regulator() {
        return caller("nza", "REGULATOR", null, null);
    }

    /** Signed with the right key by the right issuer, but for another application: a node must refuse it. */
    Caller regulatorOfAnotherApplication() {
        return caller("nza", "REGULATOR", null, null, "another-application");
    }

    private Caller caller(String subject, String role, String insurer, String provider) {
        return caller(subject, role, insurer, provider, AUDIENCE);
    }

    private Caller caller(String subject, String role, String insurer, String provider, String audience) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .subject(subject)
                .issuer(ISSUER)
                .audience(audience)
                .claim("role", role)
                .issueTime(new Date())
                // long enough for the slowest scenario, on a slow machine
                .expirationTime(Date.from(Instant.now().plus(2, ChronoUnit.HOURS)));
        if (insurer != null) {
            claims.claim("insurer_uzovi", insurer);
        }
        if (provider != null) {
            claims.claim("provider_agb", provider);
        }
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims.build());
        try {
            jwt.sign(new RSASSASigner(keys.getPrivate()));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return new Caller(subject, role, insurer != null ? insurer : provider, jwt.serialize());
    }

    record Caller(String principal, String role, String tenant, String token) {
    }
}
