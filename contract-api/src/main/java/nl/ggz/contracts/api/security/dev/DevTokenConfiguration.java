package nl.ggz.contracts.api.security.dev;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.UUID;

/**
 * The embedded default's own token issuer: an RSA key made at each start (tokens die with the process, which is
 * what a trial wants), with which both the embedded identity provider ({@link TrialIdentityProvider}) and
 * {@link DevTokenController} sign, under one issuer ({@link TrialIssuer}) and for one audience; the decoder that
 * trusts only those tokens; and the filter that hands the script tokens only to callers on this machine
 * ({@link LoopbackCallersOnly}).
 */
@Configuration(proxyBeanMethods = false)
@Conditional(DevTokensCondition.class)
public class DevTokenConfiguration {

    private final KeyPair keys = rsaKeys();

    @Bean
    TrialIssuer trialIssuer() {
        return new TrialIssuer();
    }

    @Bean
    JWKSource<SecurityContext> trialKeys() {
        RSAKey key = new RSAKey.Builder((RSAPublicKey) keys.getPublic()).privateKey((RSAPrivateKey) keys.getPrivate())
                .keyID(UUID.randomUUID().toString())
                .build();
        return new ImmutableJWKSet<>(new JWKSet(key));
    }

    @Bean
    JwtDecoder devTokenDecoder(TrialIssuer issuer) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey((RSAPublicKey) keys.getPublic()).build();
        decoder.setJwtValidator(JwtValidators.createDefaultWithValidators(issuedHere(issuer), forThisApplication()));
        return decoder;
    }

    /** Before Spring Security and the controller: a caller from elsewhere gets its 403 whatever it sent. */
    @Bean
    FilterRegistrationBean<LoopbackCallersOnly> loopbackCallersOnly(ObjectMapper json) {
        FilterRegistrationBean<LoopbackCallersOnly> registration =
                new FilterRegistrationBean<>(new LoopbackCallersOnly(json));
        registration.addUrlPatterns("/api/dev/tokens", "/api/dev/tokens/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        return registration;
    }

    @Bean
    JwtEncoder devTokenEncoder(JWKSource<SecurityContext> trialKeys) {
        return new NimbusJwtEncoder(trialKeys);
    }

    /** The issuer is known only once the server listens, so it is read per token. */
    private static OAuth2TokenValidator<Jwt> issuedHere(TrialIssuer issuer) {
        return jwt -> jwt.getIssuer() != null && issuer.uri().equals(jwt.getIssuer().toString())
                ? OAuth2TokenValidatorResult.success()
                : OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token",
                "the token was not issued by this trial installation (iss)", null));
    }

    private static OAuth2TokenValidator<Jwt> forThisApplication() {
        return jwt -> jwt.getAudience() != null && jwt.getAudience().contains(TrialIssuer.AUDIENCE)
                ? OAuth2TokenValidatorResult.success()
                : OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token",
                "the token is not meant for this application (aud)", null));
    }

    private static KeyPair rsaKeys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK offers no RSA", e);
        }
    }
}
