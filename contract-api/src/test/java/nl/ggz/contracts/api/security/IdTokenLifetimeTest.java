package nl.ggz.contracts.api.security;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 16: a pages' session ends with the identity provider's, at the latest when its ID token expires. */
class IdTokenLifetimeTest {

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aSessionWhoseIdTokenHasExpiredIsSignedInNoLonger() throws Exception {
        MockHttpSession session = signedIn(Instant.now().minusSeconds(1));
        AtomicReference<Authentication> seen = new AtomicReference<>();
        new PagesSignIn.IdTokenLifetime().doFilter(request(session), new MockHttpServletResponse(),
                (request, response) -> seen.set(SecurityContextHolder.getContext().getAuthentication()));
        assertThat(seen.get()).isNull();
        assertThat(session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY)).isNull();
    }

    @Test
    void aSessionWhoseIdTokenIsValidStaysSignedIn() throws Exception {
        MockHttpSession session = signedIn(Instant.now().plusSeconds(600));
        AtomicReference<Caller> seen = new AtomicReference<>();
        new PagesSignIn.IdTokenLifetime().doFilter(request(session), new MockHttpServletResponse(),
                (request, response) -> seen.set(Caller.current().orElse(null)));
        assertThat(seen.get().principal()).isEqualTo("nza");
    }

    private static MockHttpSession signedIn(Instant idTokenExpires) {
        OidcIdToken idToken = new OidcIdToken("id", idTokenExpires.minusSeconds(1800), idTokenExpires,
                Map.of("sub", "nza", "role", "REGULATOR"));
        CallerOidcUser user = new CallerOidcUser(idToken, null, Caller.of(idToken, ClaimMapping.standard()));
        SecurityContextHolder.getContext().setAuthentication(new OAuth2AuthenticationToken(user,
                user.getAuthorities(), "ggz"));
        MockHttpSession session = new MockHttpSession();
        session.setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY,
                SecurityContextHolder.getContext());
        return session;
    }

    private static MockHttpServletRequest request(MockHttpSession session) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/contracts");
        request.setSession(session);
        return request;
    }
}
