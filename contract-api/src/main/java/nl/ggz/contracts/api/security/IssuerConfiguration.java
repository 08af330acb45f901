package nl.ggz.contracts.api.security;

import org.springframework.boot.autoconfigure.security.oauth2.resource.OAuth2ResourceServerProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.security.converter.RsaKeyConverters;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoderInitializationException;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.util.StringUtils;

import java.io.IOException;
import java.io.InputStream;
import java.security.interfaces.RSAPublicKey;
import java.util.Collections;
import java.util.List;

/**
 * Production's token decoder: signed by the configured identity provider, and issued by it ({@code iss} equals
 * {@code issuer-uri}) for this application ({@code aud} holds one of {@code audiences}), besides the time checks.
 *
 * <p>Ours rather than Spring Boot's because Boot 3.5's {@code OAuth2ResourceServerJwtConfiguration} checks no issuer
 * on a decoder made from {@code public-key-location}, and with {@code issuer-uri} beside the key it drops the key and
 * fetches the issuer's discovery document instead. The parts are Spring Security's own: Nimbus decoders, the issuer,
 * timestamp and claim validators, and the PEM reader.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(TrialMode.OnProduction.class)
@EnableConfigurationProperties(OAuth2ResourceServerProperties.class)
public class IssuerConfiguration {

    @Bean
    JwtDecoder jwtDecoder(OAuth2ResourceServerProperties properties, Environment env) throws IOException {
        OAuth2ResourceServerProperties.Jwt jwt = properties.getJwt();
        // FailClosedEnvironment has checked this at start already; a context made without it (a test) checks here
        IssuerSettings.require(jwt, IssuerSettings.whyProduction(env));
        String issuer = jwt.getIssuerUri();
        OAuth2TokenValidator<Jwt> validator = JwtValidators.createDefaultWithValidators(
                new JwtIssuerValidator(issuer), audience(IssuerSettings.audiences(jwt)));
        if (jwt.getPublicKeyLocation() != null) {
            NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey(publicKey(jwt))
                    .signatureAlgorithm(SignatureAlgorithm.from(exactlyOneAlgorithm(jwt)))
                    .build();
            decoder.setJwtValidator(validator);
            return decoder;
        }
        if (StringUtils.hasText(jwt.getJwkSetUri())) {
            NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(jwt.getJwkSetUri())
                    .jwsAlgorithms(algorithms -> jwt.getJwsAlgorithms()
                            .forEach(name -> algorithms.add(SignatureAlgorithm.from(name))))
                    .build();
            decoder.setJwtValidator(validator);
            return decoder;
        }
        // the key set from the issuer's discovery document, fetched at the first token: the application starts
        // even while the identity provider is still starting, and tries again on the next token if it was down
        JwtDecoder lazy = new SupplierJwtDecoder(() -> {
            NimbusJwtDecoder decoder = NimbusJwtDecoder.withIssuerLocation(issuer).build();
            decoder.setJwtValidator(validator);
            return decoder;
        });
        return token -> {
            try {
                return lazy.decode(token);
            } catch (JwtDecoderInitializationException e) {
                // as a JwtException it is a token that could not be checked (503, SecurityProblems), not a crash
                throw new JwtException("the identity provider at " + issuer + " cannot be reached", e);
            }
        };
    }

    /** Production without a sign-in client says so once at start: the pages cannot sign anyone in. */
    @Bean
    ApplicationListener<ApplicationReadyEvent> pagesSignInNotice(Environment env) {
        return event -> {
            if (LoginSettings.bind(env).getRegistration().isEmpty()) {
                LoggerFactory.getLogger(IssuerConfiguration.class).info("The pages' sign-in is not configured ({}.<id>"
                        + ".client-id and .client-secret): the API accepts bearer tokens, and the pages say that "
                        + "sign-in is not configured", LoginSettings.REGISTRATION);
            }
        };
    }

    /** At least one of the configured audiences in {@code aud}; a token without {@code aud} fails. */
    private static OAuth2TokenValidator<Jwt> audience(List<String> audiences) {
        return new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
                aud -> aud != null && !Collections.disjoint(aud, audiences));
    }

    private static RSAPublicKey publicKey(OAuth2ResourceServerProperties.Jwt jwt) throws IOException {
        try (InputStream in = jwt.getPublicKeyLocation().getInputStream()) {
            return RsaKeyConverters.x509().convert(in);
        }
    }

    private static String exactlyOneAlgorithm(OAuth2ResourceServerProperties.Jwt jwt) {
        List<String> algorithms = jwt.getJwsAlgorithms();
        if (algorithms == null || algorithms.size() != 1) {
            throw new IllegalStateException("a public key (" + IssuerSettings.PUBLIC_KEY_LOCATION + ") needs exactly "
                    + "one algorithm in " + IssuerSettings.PREFIX + ".jws-algorithms, got " + algorithms);
        }
        return algorithms.get(0);
    }
}
