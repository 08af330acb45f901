package nl.ggz.contracts.api.security.dev;

import nl.ggz.contracts.api.security.ClaimMapping;
import nl.ggz.contracts.api.security.PagesSignIn;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationException;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationValidator;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configurers.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

import java.util.List;

/**
 * The trial's identity provider: Spring Authorization Server in the application itself, on the same port, so that a
 * trial signs in through the very flow production uses (OpenID Connect, authorization code with PKCE) at a login
 * form of its own, as one of {@link TrialUsers}. Its tokens carry the claims of {@link ClaimMapping} for the user,
 * and the access token this application's audience.
 *
 * <p>The identity provider keeps its own sign-in in the same browser session as the pages' but under its own session
 * keys (security context and saved request): signing in at the identity provider is not signing in to the pages,
 * which happens only through the authorization code the pages' client redeems.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(DevTokensCondition.class)
public class TrialIdentityProvider {

    static final String SESSION_KEY = "GGZ_TRIAL_IDENTITY_PROVIDER";

    @Bean
    TrialUsers trialUsers() {
        return new TrialUsers();
    }

    @Bean
    TrialPagesClient trialPagesClient(TrialIssuer issuer) {
        return new TrialPagesClient(issuer);
    }

    /** The pages sign in at the embedded identity provider. */
    @Bean
    PagesSignIn pagesSignIn(TrialPagesClient client, ClaimMapping claimNames) {
        return new PagesSignIn(client, TrialPagesClient.REGISTRATION_ID, claimNames);
    }

    @Bean
    AuthorizationServerSettings trialAuthorizationServerSettings() {
        // no issuer set: it is the address the server is called at, http://localhost:<port> (TrialIssuer)
        return AuthorizationServerSettings.builder().build();
    }

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityFilterChain trialIdentityProviderChain(HttpSecurity http, TrialUsers users, TrialPagesClient client)
            throws Exception {
        OAuth2AuthorizationServerConfigurer server = OAuth2AuthorizationServerConfigurer.authorizationServer();
        HttpSessionSecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
        contexts.setSpringSecurityContextKey(SESSION_KEY);
        HttpSessionRequestCache requests = new HttpSessionRequestCache();
        requests.setSessionAttrName(SESSION_KEY + "_REQUEST");
        // the endpoints, and the login form with its stylesheet
        http.securityMatcher(new OrRequestMatcher(server.getEndpointsMatcher(),
                PathPatternRequestMatcher.withDefaults().matcher("/login"),
                PathPatternRequestMatcher.withDefaults().matcher("/default-ui.css")))
                .with(server, as -> as
                        .registeredClientRepository(client)
                        .oidc(Customizer.withDefaults())
                        .authorizationEndpoint(endpoint -> endpoint.authenticationProviders(providers -> providers
                                .forEach(provider -> {
                                    if (provider instanceof OAuth2AuthorizationCodeRequestAuthenticationProvider code) {
                                        code.setAuthenticationValidator(OAuth2AuthorizationCodeRequestAuthenticationValidator
                                                .DEFAULT_SCOPE_VALIDATOR.andThen(TrialIdentityProvider::registeredRedirect));
                                    }
                                }))))
                .userDetailsService(users)
                .securityContext(context -> context.securityContextRepository(contexts))
                .requestCache(cache -> cache.requestCache(requests))
                .authorizeHttpRequests(authorize -> authorize
                        .requestMatchers("/login", "/default-ui.css").permitAll()
                        .anyRequest().authenticated())
                .formLogin(Customizer.withDefaults())
                .exceptionHandling(errors -> errors.defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint("/login"), new MediaTypeRequestMatcher(MediaType.TEXT_HTML)));
        return http.build();
    }

    /**
     * The redirect URI exactly as registered. Spring Authorization Server refuses {@code localhost} in a redirect URI
     * (OAuth 2.1 prefers 127.0.0.1), but the trial's pages are at http://localhost:&lt;port&gt;, and the client is
     * registered with that exact address.
     */
    private static void registeredRedirect(OAuth2AuthorizationCodeRequestAuthenticationContext context) {
        OAuth2AuthorizationCodeRequestAuthenticationToken request = context.getAuthentication();
        String requested = request.getRedirectUri();
        if (requested == null || !context.getRegisteredClient().getRedirectUris().contains(requested)) {
            throw new OAuth2AuthorizationCodeRequestAuthenticationException(new OAuth2Error(
                    OAuth2ErrorCodes.INVALID_REQUEST, "redirect_uri is not registered", null), null);
        }
    }

    /** Who signed in, in the claims the application reads; the access token for this application's audience. */
    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> trialClaims(TrialUsers users, ClaimMapping claimNames) {
        return context -> users.identity(context.getPrincipal().getName()).ifPresent(user -> {
            boolean idToken = OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue());
            boolean accessToken = OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType());
            if (!idToken && !accessToken) {
                return;
            }
            context.getClaims().claim(claimNames.role(), user.role().name()).claim(claimNames.name(), user.name());
            if (user.insurer() != null) {
                context.getClaims().claim(claimNames.insurer(), user.insurer());
            }
            if (user.provider() != null) {
                context.getClaims().claim(claimNames.provider(), user.provider());
            }
            if (accessToken) {
                context.getClaims().audience(List.of(TrialIssuer.AUDIENCE));
            }
        });
    }

    @Bean
    ApplicationListener<ApplicationReadyEvent> printTrialUsers(TrialUsers users, TrialIssuer issuer) {
        return event -> users.print(issuer.uri());
    }
}
