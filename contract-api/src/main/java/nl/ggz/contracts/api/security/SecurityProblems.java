package nl.ggz.contracts.api.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

import java.io.IOException;
import java.net.URI;

/**
 * Answers a missing or refused token (401), a role that may not do this or a session's write without its CSRF token
 * (403) as problem documents like every other error, with the {@code WWW-Authenticate} header RFC 6750 asks for; a
 * URL the firewall refuses (400); and a
 * token that cannot be checked because the identity provider's keys cannot be fetched (503 with Retry-After, like a
 * database outage: the caller did nothing wrong and may try again).
 */
public class SecurityProblems implements AuthenticationEntryPoint, AccessDeniedHandler, RequestRejectedHandler,
        AuthenticationFailureHandler {

    private static final Logger log = LoggerFactory.getLogger(SecurityProblems.class);
    /** Long enough for an identity provider that is starting (Keycloak takes tens of seconds) to answer. */
    static final int RETRY_AFTER_SECONDS = 10;

    private final BearerTokenAuthenticationEntryPoint challenge = new BearerTokenAuthenticationEntryPoint();
    private final BearerTokenAccessDeniedHandler denial = new BearerTokenAccessDeniedHandler();
    private final ObjectMapper json;

    public SecurityProblems(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        challenge.commence(request, response, e);
        String detail = e instanceof InvalidBearerTokenException || e instanceof OAuth2AuthenticationException
                ? "the bearer token was refused: " + reason(e)
                : "sign in first: send the header Authorization: Bearer <token>";
        write(response, HttpStatus.UNAUTHORIZED, "Not signed in", detail);
    }

    /** The bearer token filter's failures: a refused token is a 401, a token that could not be checked a 503. */
    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
                                        AuthenticationException e) throws IOException {
        if (e instanceof AuthenticationServiceException) {
            log.warn("a bearer token could not be checked: {}", e.getMessage());
            response.setHeader("Retry-After", String.valueOf(RETRY_AFTER_SECONDS));
            write(response, HttpStatus.SERVICE_UNAVAILABLE, "Caller provider unreachable", "the bearer token cannot "
                    + "be checked now: the keys of the identity provider that signs the tokens cannot be fetched; "
                    + "try again in a few seconds");
            return;
        }
        commence(request, response, e);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        if (e instanceof CsrfException) {
            // a write of a browser session without the page's CSRF token: a forged request, or a page of old
            response.setStatus(HttpStatus.FORBIDDEN.value());
            write(response, HttpStatus.FORBIDDEN, "CSRF token missing or wrong", "a write by a signed-in browser "
                    + "session needs the header X-XSRF-TOKEN with the value of the cookie XSRF-TOKEN");
            return;
        }
        denial.handle(request, response, e);
        String role = Caller.current().map(identity -> identity.role().name()).orElse("this caller");
        write(response, HttpStatus.FORBIDDEN, "Not allowed for this role",
                "a " + role + " may not " + request.getMethod() + " " + request.getRequestURI());
    }

    /** The firewall refused the URL (an empty, encoded or dot segment, a stray character) before anything ran. */
    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException e)
            throws IOException {
        String reason = e.getMessage() == null ? "" : e.getMessage();
        write(response, HttpStatus.BAD_REQUEST, "Malformed request",
                "the request URL was refused" + (reason.length() > 200 ? "" : ": " + reason));
    }

    private static String reason(AuthenticationException e) {
        if (e instanceof OAuth2AuthenticationException oauth && oauth.getError().getDescription() != null) {
            String description = oauth.getError().getDescription();
            // Nimbus' words can name the failing check but never echo the token itself
            return description.length() > 200 ? description.substring(0, 200) : description;
        }
        return "invalid or expired";
    }

    private void write(HttpServletResponse response, HttpStatus status, String title, String detail) throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setType(URI.create("about:blank"));
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
