package nl.ggz.contracts.api.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.servlet.Filter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.http.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.security.oauth2.resource.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Production trusts a token only when the configured identity provider signed it, named itself as its issuer
 * ({@code iss}) and named this application as its audience ({@code aud}): whichever way the key is configured — a
 * fixed public key, a key set URL, or the issuer's discovery document. The real role table and 401 answers, in a
 * web context of the security beans only.
 */
class ProductionTokensTest {

    private static final String AUDIENCE = "ggz-contracts";
    private static final String KEY_ID = "test-key";

    /** The three ways Spring Boot's properties name the key. */
    enum KeySource { PUBLIC_KEY_LOCATION, JWK_SET_URI, ISSUER_DISCOVERY }

    @TempDir
    static Path directory;

    private static KeyPair keys;
    private static KeyPair otherKeys;
    private static HttpServer identityProvider;
    private static String base;

    @RestController
    static class Contracts {
        @GetMapping("/api/contracts")
        Map<String, String> contracts() {
            return Map.of("principal", Caller.require().principal());
        }
    }

    @Configuration(proxyBeanMethods = false)
    @Import({SecurityConfiguration.class, IssuerConfiguration.class, Contracts.class})
    static class SecurityOnly {
    }

    private final WebApplicationContextRunner context = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class,
                    HttpMessageConvertersAutoConfiguration.class, WebMvcAutoConfiguration.class,
                    SecurityAutoConfiguration.class, OAuth2ResourceServerAutoConfiguration.class))
            .withUserConfiguration(SecurityOnly.class)
            // application.yml's claim names (not read by this context)
            .withPropertyValues("ggz.security.claims.role=role", "ggz.security.claims.insurer=insurer_uzovi",
                    "ggz.security.claims.provider=provider_agb", "ggz.security.claims.name=name",
                    "ggz.security.claims.source-system=source_system");

    @BeforeAll
    static void identityProvider() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        keys = generator.generateKeyPair();
        otherKeys = generator.generateKeyPair();
        identityProvider = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        base = "http://127.0.0.1:" + identityProvider.getAddress().getPort();
        String jwks = new JWKSet(new RSAKey.Builder((RSAPublicKey) keys.getPublic()).keyID(KEY_ID)
                .keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256).build()).toString();
        String discovery = new ObjectMapper().writeValueAsString(Map.of("issuer", base + "/realms/ggz",
                "jwks_uri", base + "/realms/ggz/certs", "subject_types_supported", List.of("public"),
                "id_token_signing_alg_values_supported", List.of("RS256")));
        identityProvider.createContext("/realms/ggz/certs", exchange -> answer(exchange, jwks));
        identityProvider.createContext("/realms/ggz/.well-known/openid-configuration",
                exchange -> answer(exchange, discovery));
        identityProvider.start();
        Files.writeString(directory.resolve("issuer.pem"), "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(keys.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n");
    }

    @AfterAll
    static void stop() {
        identityProvider.stop(0);
    }

    @ParameterizedTest
    @EnumSource(KeySource.class)
    void aTokenOfTheIssuerForThisAudienceIsAccepted(KeySource source) {
        production(source, mvc -> {
            assertThat(call(mvc, token(source, claims -> claims))).isEqualTo(200);
            // one of several audiences is enough
            assertThat(call(mvc, token(source, claims -> claims.audience(List.of("another-app", AUDIENCE))))).isEqualTo(200);
        });
    }

    @ParameterizedTest
    @EnumSource(KeySource.class)
    void aTokenNamingAnotherIssuerOrNoneIsRefused401(KeySource source) {
        production(source, mvc -> {
            assertRefused(mvc, token(source, claims -> claims.issuer("https://sso.example.org/realms/other")), "iss");
            assertRefused(mvc, token(source, claims -> claims.issuer(null)), "iss");
        });
    }

    @ParameterizedTest
    @EnumSource(KeySource.class)
    void aTokenForAnotherAudienceOrNoneIsRefused401(KeySource source) {
        production(source, mvc -> {
            assertRefused(mvc, token(source, claims -> claims.audience("another-app")), "aud");
            assertRefused(mvc, token(source, claims -> claims.audience((String) null)), "aud");
        });
    }

    @ParameterizedTest
    @EnumSource(KeySource.class)
    void aTokenSignedWithAnotherKeyIsRefused401(KeySource source) {
        production(source, mvc -> assertRefused(mvc, sign(claims(source, claims -> claims), otherKeys), ""));
    }

    @ParameterizedTest
    @EnumSource(KeySource.class)
    void withoutAnAudienceConfiguredTheApplicationDoesNotStart(KeySource source) {
        context.withPropertyValues(settings(source).stream()
                        .filter(setting -> !setting.startsWith(IssuerSettings.AUDIENCES)).toArray(String[]::new))
                .run(app -> assertThat(app).hasFailed().getFailure().rootCause()
                        .isInstanceOf(IssuerSettings.IssuerNotConfiguredException.class)
                        .hasMessageContaining(IssuerSettings.AUDIENCES));
    }

    @org.junit.jupiter.api.Test
    void whileTheIdentityProviderCannotBeReachedATokenIsAnswered503WithRetryAfterNot500() {
        String down = "http://127.0.0.1:1/realms/ggz";
        for (String keys : List.of("", IssuerSettings.JWK_SET_URI + "=" + down + "/certs")) {
            production503(down, keys);
        }
    }

    private void production503(String down, String keySetting) {
        context.withPropertyValues("spring.datasource.url=jdbc:postgresql://db.example/ggz", keySetting,
                IssuerSettings.ISSUER_URI + "=" + down, IssuerSettings.AUDIENCES + "=" + AUDIENCE).run(app -> {
            // it starts all the same: the keys are fetched at the first token
            assertThat(app).hasNotFailed();
            MockMvc mvc = MockMvcBuilders.webAppContextSetup(app)
                    .addFilters(app.getBean("springSecurityFilterChain", Filter.class)).build();
            MvcResult result = mvc.perform(get("/api/contracts").header("Authorization", "Bearer "
                    + sign(claims(KeySource.ISSUER_DISCOVERY, claims -> claims.issuer(down)), keys))).andReturn();
            assertThat(result.getResponse().getStatus()).isEqualTo(503);
            assertThat(result.getResponse().getContentType()).isEqualTo("application/problem+json");
            assertThat(result.getResponse().getHeader("Retry-After")).isNotBlank();
            assertThat(result.getResponse().getContentAsString()).contains("identity provider");
        });
    }

    private void production(KeySource source, MockMvcCheck check) {
        context.withPropertyValues(settings(source).toArray(String[]::new)).run(app -> {
            assertThat(app).hasNotFailed().hasSingleBean(JwtDecoder.class);
            check.run(MockMvcBuilders.webAppContextSetup(app)
                    .addFilters(app.getBean("springSecurityFilterChain", Filter.class)).build());
        });
    }

    private static List<String> settings(KeySource source) {
        String issuer = IssuerSettings.ISSUER_URI + "=" + issuer(source);
        String audience = IssuerSettings.AUDIENCES + "=" + AUDIENCE;
        String database = "spring.datasource.url=jdbc:postgresql://db.example/ggz";
        return switch (source) {
            case PUBLIC_KEY_LOCATION -> List.of(database, issuer, audience,
                    IssuerSettings.PUBLIC_KEY_LOCATION + "=file:" + directory.resolve("issuer.pem"));
            case JWK_SET_URI -> List.of(database, issuer, audience,
                    IssuerSettings.JWK_SET_URI + "=" + base + "/realms/ggz/certs");
            case ISSUER_DISCOVERY -> List.of(database, issuer, audience);
        };
    }

    /**
     * With a fixed key the issuer is only compared, never asked: its URL here answers nothing (loopback port 1), so
     * a decoder that went there for its keys instead (Boot's own, with issuer-uri beside the key) would fail.
     */
    private static String issuer(KeySource source) {
        return source == KeySource.PUBLIC_KEY_LOCATION ? "http://127.0.0.1:1/realms/ggz" : base + "/realms/ggz";
    }

    private static int call(MockMvc mvc, String token) throws Exception {
        return mvc.perform(get("/api/contracts").header("Authorization", "Bearer " + token)).andReturn()
                .getResponse().getStatus();
    }

    private static void assertRefused(MockMvc mvc, String token, String claim) throws Exception {
        MvcResult result = mvc.perform(get("/api/contracts").header("Authorization", "Bearer " + token)).andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(401);
        assertThat(result.getResponse().getContentType()).isEqualTo("application/problem+json");
        assertThat(result.getResponse().getHeader("WWW-Authenticate")).startsWith("Bearer");
        JsonNode problem = new ObjectMapper().readTree(result.getResponse().getContentAsString());
        assertThat(problem.path("detail").asText()).startsWith("the bearer token was refused").contains(claim);
    }

    private static String token(KeySource source, UnaryOperator<JWTClaimsSet.Builder> change) {
        return sign(claims(source, change), keys);
    }

    private static JWTClaimsSet claims(KeySource source, UnaryOperator<JWTClaimsSet.Builder> change) {
        Instant now = Instant.now();
        return change.apply(new JWTClaimsSet.Builder()
                .issuer(issuer(source))
                .audience(AUDIENCE)
                .subject("nza-toezicht")
                .claim("role", "REGULATOR")
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(5, ChronoUnit.MINUTES)))).build();
    }

    private static String sign(JWTClaimsSet claims, KeyPair with) {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(KEY_ID).build(), claims);
        try {
            jwt.sign(new RSASSASigner(with.getPrivate()));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    private static void answer(HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @FunctionalInterface
    interface MockMvcCheck {
        void run(MockMvc mvc) throws Exception;
    }
}
