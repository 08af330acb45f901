package nl.ggz.contracts.api.security.dev;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
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

/**
 * The embedded default's own token issuer: an RSA key made at each start (tokens die with the process, which is
 * what a trial wants), the decoder that trusts only it, the encoder {@link DevTokenController} signs with, and the
 * filter that hands its tokens only to callers on this machine ({@link LoopbackCallersOnly}).
 */
@Configuration(proxyBeanMethods = false)
@Conditional(DevTokensCondition.class)
public class DevTokenConfiguration {

    static final String ISSUER = "ggz-contracts-embedded";

    private final KeyPair keys = rsaKeys();

    @Bean
    JwtDecoder devTokenDecoder() {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey((RSAPublicKey) keys.getPublic()).build();
        decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(ISSUER));
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
    JwtEncoder devTokenEncoder() {
        RSAKey key = new RSAKey.Builder((RSAPublicKey) keys.getPublic()).privateKey((RSAPrivateKey) keys.getPrivate())
                .build();
        return new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(key)));
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
