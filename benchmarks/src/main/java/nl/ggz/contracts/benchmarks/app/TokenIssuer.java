package nl.ggz.contracts.benchmarks.app;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;

/**
 * The benchmark's own identity provider: an RSA key pair made for this run, its public key written as PEM for the
 * application to trust ({@code spring.security.oauth2.resourceserver.jwt.public-key-location}, with its
 * {@link #ISSUER} and {@link #AUDIENCE}), and RS256 bearer tokens with the claims the application reads
 * ({@code iss}, {@code aud}, {@code sub}, {@code role}, {@code insurer_uzovi} or
 * {@code provider_agb}, {@code name}, {@code source_system}). Every call of the benchmark goes as the party whose act
 * it is.
 */
public final class TokenIssuer {

    /** Far beyond a full run (minutes), so no token expires under load. */
    private static final Duration VALIDITY = Duration.ofHours(6);
    /** Only compared with each token's iss, never fetched: the application has the key. */
    public static final String ISSUER = "https://idp.benchmark.invalid/realms/ggz";
    /** The audience the application requires outside the trial. */
    public static final String AUDIENCE = "ggz-contracts";

    private final RSASSASigner signer;
    private final Path publicKeyFile;

    private TokenIssuer(RSASSASigner signer, Path publicKeyFile) {
        this.signer = signer;
        this.publicKeyFile = publicKeyFile;
    }

    /** Makes a fresh RSA-2048 key pair and writes its public key to {@code issuer-public-key.pem} in the directory. */
    public static TokenIssuer create(Path workDirectory) throws IOException {
        KeyPair keys;
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            keys = generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK offers no RSA", e);
        }
        // X.509 SubjectPublicKeyInfo, base64 in 64-character lines: what Spring's RsaKeyConverters read
        String pem = "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(keys.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
        Path file = Files.writeString(workDirectory.resolve("issuer-public-key.pem"), pem, StandardCharsets.US_ASCII);
        return new TokenIssuer(new RSASSASigner(keys.getPrivate()), file);
    }

    public Path publicKeyFile() {
        return publicKeyFile;
    }

    /** A purchaser (inkoper) of the insurer: offers contracts, reads its insurer's monitoring. */
    public String purchaser(String insurerUzovi) {
        return token("bench-purchaser-" + insurerUzovi, "PURCHASER", "insurer_uzovi", insurerUzovi,
                "inkoper " + insurerUzovi, "benchmark");
    }

    /** The provider's user: signs the contracts offered to its AGB. */
    public String provider(String providerAgb) {
        return token("bench-provider-" + providerAgb, "PROVIDER", "provider_agb", providerAgb,
                "bestuurder " + providerAgb, "benchmark");
    }

    /** The insurer's claims system: posts the declarations on its insurer's contracts. */
    public String claims(String insurerUzovi) {
        return token("claims-system-" + insurerUzovi, "CLAIMS", "insurer_uzovi", insurerUzovi,
                "declaratiesysteem " + insurerUzovi, "declaratiesysteem");
    }

    /** The regulator (NZa): reads the audit history across insurers. */
    public String regulator() {
        return token("bench-regulator", "REGULATOR", null, null, "nza-toezicht", "benchmark");
    }

    /** The operator: reads the actuator's metrics and rebuilds the read models. */
    public String operator() {
        return token("bench-operator", "OPERATOR", null, null, "beheerder", "benchmark");
    }

    private String token(String subject, String role, String tenantClaim, String tenant, String name, String source) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .subject(subject)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(VALIDITY)))
                .claim("role", role)
                .claim("name", name)
                .claim("source_system", source);
        if (tenantClaim != null) {
            claims.claim(tenantClaim, tenant);
        }
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).build(),
                claims.build());
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("could not sign a token", e);
        }
        return jwt.serialize();
    }
}
