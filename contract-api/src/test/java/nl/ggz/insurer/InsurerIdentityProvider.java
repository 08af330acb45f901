package nl.ggz.insurer;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.http.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.DispatcherServletAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.ServletWebServerFactoryAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configurers.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An insurer's own identity provider, standing in for Entra ID: a second Spring Authorization Server, started by the
 * test on a port of its own, configured independently of the application. Like Entra ID it writes the role as a list
 * of app roles in {@code roles} and the tenant in extension attributes ({@code extn.insurerUzovi}), so that the
 * application is configured with a claim mapping as in production. It knows one person (a purchaser of Zilveren
 * Kruis, 3311), the pages' client of the application, and two machine clients: the claims system, with tokens for the
 * application, and one whose tokens are meant for another application. Outside the application's packages, so that
 * its component scan never finds it.
 */
@Configuration(proxyBeanMethods = false)
@ImportAutoConfiguration({ServletWebServerFactoryAutoConfiguration.class, DispatcherServletAutoConfiguration.class,
        WebMvcAutoConfiguration.class, HttpMessageConvertersAutoConfiguration.class, JacksonAutoConfiguration.class,
        SecurityAutoConfiguration.class})
public class InsurerIdentityProvider {

    public static final String INSURER = "3311";
    public static final String USER = "anna@zilverenkruis.example";
    public static final String PASSWORD = "a-password-of-the-insurer";
    public static final String PAGES_CLIENT = "ggz-contracts-pages";
    public static final String PAGES_SECRET = "pages-secret-of-the-insurer";
    public static final String CLAIMS_CLIENT = "claims-system";
    public static final String OTHER_APP_CLIENT = "another-application";
    public static final String MACHINE_SECRET = "machine-secret";
    public static final String AUDIENCE = "ggz-contracts";

    /** Starts it on a free port; the application's pages will be at http://127.0.0.1:{appPort}. */
    public static ConfigurableApplicationContext start(int appPort) {
        return new SpringApplicationBuilder(InsurerIdentityProvider.class)
                .web(WebApplicationType.SERVLET)
                // none of the application's own configuration files
                .properties("spring.config.name=insurer-identity-provider", "server.port=0",
                        "spring.main.banner-mode=off", "application.port=" + appPort)
                .run();
    }

    @Bean
    @Order(1)
    SecurityFilterChain authorizationServer(HttpSecurity http) throws Exception {
        OAuth2AuthorizationServerConfigurer server = OAuth2AuthorizationServerConfigurer.authorizationServer();
        http.securityMatcher(server.getEndpointsMatcher())
                .with(server, as -> as.oidc(Customizer.withDefaults()))
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .exceptionHandling(errors -> errors.defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint("/login"), new MediaTypeRequestMatcher(MediaType.TEXT_HTML)));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain loginForm(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .formLogin(Customizer.withDefaults());
        return http.build();
    }

    @Bean
    UserDetailsService people() {
        return new InMemoryUserDetailsManager(User.withUsername(USER).password("{noop}" + PASSWORD).roles("USER")
                .build());
    }

    @Bean
    RegisteredClientRepository clients(Environment env) {
        String pages = "http://127.0.0.1:" + env.getRequiredProperty("application.port");
        RegisteredClient pagesClient = RegisteredClient.withId(UUID.randomUUID().toString())
                .clientId(PAGES_CLIENT)
                .clientSecret("{noop}" + PAGES_SECRET)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri(pages + "/login/oauth2/code/insurer")
                .postLogoutRedirectUri(pages + "/?signed-out=1")
                .scope(OidcScopes.OPENID)
                .scope(OidcScopes.PROFILE)
                .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false)
                        .build())
                .build();
        return new InMemoryRegisteredClientRepository(pagesClient, machine(CLAIMS_CLIENT), machine(OTHER_APP_CLIENT));
    }

    /** Each machine client's own secret (the authorization server refuses two clients with one secret). */
    public static String machineSecret(String clientId) {
        return clientId + "-" + MACHINE_SECRET;
    }

    private static RegisteredClient machine(String clientId) {
        return RegisteredClient.withId(UUID.randomUUID().toString())
                .clientId(clientId)
                .clientSecret("{noop}" + machineSecret(clientId))
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .build();
    }

    /** Entra ID's way: app roles as a list in "roles", the tenant in an extension attribute. */
    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> entraLikeClaims() {
        return context -> {
            boolean idToken = OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue());
            boolean accessToken = OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType());
            String who = context.getPrincipal().getName();
            if (idToken && USER.equals(who)) {
                context.getClaims().claims(claims -> claims.putAll(Map.of("roles", List.of("PURCHASER"),
                        "extn.insurerUzovi", INSURER, "name", "Anna de Vries")));
            }
            if (accessToken && (CLAIMS_CLIENT.equals(who) || OTHER_APP_CLIENT.equals(who))) {
                context.getClaims().claims(claims -> claims.putAll(Map.of("roles", List.of("CLAIMS"),
                        "extn.insurerUzovi", INSURER)));
                context.getClaims().audience(List.of(CLAIMS_CLIENT.equals(who) ? AUDIENCE : OTHER_APP_CLIENT));
            }
        };
    }

    @Bean
    JWKSource<SecurityContext> keys() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        return new ImmutableJWKSet<>(new JWKSet(new RSAKey.Builder((RSAPublicKey) pair.getPublic())
                .privateKey((RSAPrivateKey) pair.getPrivate()).keyID(UUID.randomUUID().toString()).build()));
    }

    /** For its user info endpoint. */
    @Bean
    JwtDecoder jwtDecoder(JWKSource<SecurityContext> keys) {
        return OAuth2AuthorizationServerConfiguration.jwtDecoder(keys);
    }

    @Bean
    AuthorizationServerSettings settings() {
        // the issuer is the address it is called at: http://localhost:<port>
        return AuthorizationServerSettings.builder().build();
    }
}
