package nl.ggz.contracts.api.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.CsrfConfigurer;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

/**
 * The pages sign in the backend-for-frontend way: Spring Security's OAuth2 client runs the OpenID Connect
 * authorization code flow with PKCE against the identity provider (the trial's embedded one, or the configured one in
 * production), keeps the tokens on the server, and gives the browser only an HttpOnly, SameSite=Lax session cookie.
 * The signed-in user's {@link Caller} is read from the ID token exactly as from a bearer token ({@link ClaimMapping});
 * sign-in with claims that name no valid caller fails, and the pages say why.
 *
 * <ul>
 *     <li>Writes by session need the CSRF token: the cookie {@code XSRF-TOKEN}, readable by the pages' script, sent
 *     back in the header {@code X-XSRF-TOKEN}. A call with a bearer token, or without a session (which then is a 401
 *     anyway), needs none: no browser adds those on its own.</li>
 *     <li>{@code POST /logout} ends the session and then the identity provider's (RP-initiated logout, its
 *     {@code end_session_endpoint}), which sends the browser back to the start page.</li>
 *     <li>The session lasts no longer than the ID token: once it has expired the next call is a 401, and the pages
 *     go through the identity provider again (without a password while its own session lasts). An identity provider
 *     that sends back-channel logout ends the session at once ({@code /logout/connect/back-channel/<id>}).</li>
 * </ul>
 */
public class PagesSignIn {

    private final ClientRegistrationRepository registrations;
    private final String registrationId;
    private final ClaimMapping claims;
    private final ObjectMapper json = new ObjectMapper();

    public PagesSignIn(ClientRegistrationRepository registrations, String registrationId, ClaimMapping claims) {
        this.registrations = registrations;
        this.registrationId = registrationId;
        this.claims = claims;
    }

    /** Where the pages send the browser to sign in. */
    public String signInPath() {
        return "/oauth2/authorization/" + registrationId;
    }

    /** CSRF for writes that a browser's session cookie would authenticate; the token in a cookie the pages read. */
    public static void csrf(CsrfConfigurer<HttpSecurity> csrf) {
        CookieCsrfTokenRepository tokens = CookieCsrfTokenRepository.withHttpOnlyFalse();
        tokens.setCookieCustomizer(cookie -> cookie.sameSite("Lax"));
        CsrfTokenRequestAttributeHandler handler = new CsrfTokenRequestAttributeHandler();
        // the token is read on every request, so the cookie is there before the page's first write
        handler.setCsrfRequestAttributeName(null);
        csrf.csrfTokenRepository(tokens)
                .csrfTokenRequestHandler(handler)
                .requireCsrfProtectionMatcher(request -> CsrfFilter.DEFAULT_CSRF_MATCHER.matches(request)
                        && request.getHeader("Authorization") == null
                        && request.getSession(false) != null);
    }

    public void configure(HttpSecurity http) throws Exception {
        DefaultOAuth2AuthorizationRequestResolver requests =
                new DefaultOAuth2AuthorizationRequestResolver(registrations, "/oauth2/authorization");
        // PKCE for the confidential client too (OAuth 2.1, and the trial's identity provider requires it)
        requests.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
        OidcClientInitiatedLogoutSuccessHandler logout = new Logout(registrations);
        logout.setPostLogoutRedirectUri("{baseUrl}/?signed-out=1");
        logout.setDefaultTargetUrl("/?signed-out=1");
        http.oauth2Login(login -> login
                        // no login page of Spring's own: the start page offers the sign-in
                        .loginPage("/")
                        .clientRegistrationRepository(registrations)
                        .authorizationEndpoint(endpoint -> endpoint.authorizationRequestResolver(requests))
                        .userInfoEndpoint(userInfo -> userInfo.oidcUserService(users()))
                        .defaultSuccessUrl("/", true)
                        .failureHandler((request, response, e) -> response.sendRedirect("/?failed="
                                + URLEncoder.encode(reason(e), StandardCharsets.UTF_8))))
                .logout(out -> out.logoutUrl("/logout").logoutSuccessHandler(logout))
                .oidcLogout(oidc -> oidc.clientRegistrationRepository(registrations)
                        .backChannel(Customizer.withDefaults()))
                .addFilterAfter(new IdTokenLifetime(), SecurityContextHolderFilter.class);
    }

    /** The ID token's claims (and user info's) read into a {@link Caller}, as a bearer token's are. */
    private OAuth2UserService<OidcUserRequest, OidcUser> users() {
        OidcUserService standard = new OidcUserService();
        return request -> {
            OidcUser user = standard.loadUser(request);
            try {
                return new CallerOidcUser(user.getIdToken(), user.getUserInfo(), Caller.of(user, claims));
            } catch (Caller.Refused e) {
                throw new OAuth2AuthenticationException(new OAuth2Error("invalid_id_token",
                        "signed in, but " + e.getMessage().replace("the token", "the identity provider's token"),
                        null));
            }
        };
    }

    private static String reason(Exception e) {
        if (e instanceof OAuth2AuthenticationException oauth && oauth.getError().getDescription() != null) {
            String description = oauth.getError().getDescription();
            return description.length() > 300 ? description.substring(0, 300) : description;
        }
        return "the identity provider did not sign you in";
    }

    /**
     * RP-initiated logout for the pages' script: asked for JSON, it answers where the browser goes next (the identity
     * provider's logout) instead of redirecting the script's own request there, which a browser would not follow
     * across sites; a plain form post is redirected as usual.
     */
    private final class Logout extends OidcClientInitiatedLogoutSuccessHandler {
        Logout(ClientRegistrationRepository registrations) {
            super(registrations);
        }

        @Override
        public void onLogoutSuccess(HttpServletRequest request, HttpServletResponse response,
                                    Authentication authentication) throws IOException, ServletException {
            String accept = request.getHeader("Accept");
            if (accept != null && accept.contains(MediaType.APPLICATION_JSON_VALUE)) {
                response.setContentType(MediaType.APPLICATION_JSON_VALUE);
                json.writeValue(response.getOutputStream(),
                        Map.of("location", determineTargetUrl(request, response, authentication)));
                return;
            }
            super.onLogoutSuccess(request, response, authentication);
        }
    }

    /** A session whose ID token has expired is signed in no longer (the session itself stays, for the next sign-in). */
    static final class IdTokenLifetime extends OncePerRequestFilter {
        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
            if (authentication != null && authentication.getPrincipal() instanceof OidcUser user
                    && user.getIdToken().getExpiresAt() != null
                    && Instant.now().isAfter(user.getIdToken().getExpiresAt())) {
                SecurityContextHolder.clearContext();
                HttpSession session = request.getSession(false);
                if (session != null) {
                    session.removeAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
                }
            }
            chain.doFilter(request, response);
        }
    }
}
