package nl.ggz.contracts.api.security.dev;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.util.matcher.IpAddressMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Trial tokens go only to a caller on this machine: the connection comes from loopback (127.0.0.0/8 or ::1), it did
 * not pass a proxy (a proxy on this machine would relay callers from anywhere), and the browser addressed this
 * machine by a loopback name (a page of another site whose name was pointed at 127.0.0.1 — DNS rebinding — is not
 * this machine's user).
 *
 * <p>Anyone else gets a 403 problem rather than a 404 as if the endpoint were absent: the trial is plain to see from
 * its pages anyway, and the sign-in page shows the API's own words, so someone who opened the trial from another
 * machine learns why it will not sign them in instead of being told to use an identity provider that is not there.
 */
public class LoopbackCallersOnly extends OncePerRequestFilter {

    private static final List<IpAddressMatcher> LOOPBACK = List.of(
            new IpAddressMatcher("127.0.0.0/8"), new IpAddressMatcher("::1"));
    private static final List<String> PROXY_HEADERS = List.of("Forwarded", "X-Forwarded-For", "X-Forwarded-Host",
            "X-Real-IP");
    /** Names that can only mean this machine (RFC 6761 reserves localhost and *.localhost), as IP literals too. */
    private static final Pattern LOOPBACK_HOST = Pattern.compile(
            "localhost|.+\\.localhost|127(\\.\\d{1,3}){3}|\\[(::1|0:0:0:0:0:0:0:1)]");

    private final ObjectMapper json;

    public LoopbackCallersOnly(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (fromThisMachine(request)) {
            chain.doFilter(request, response);
            return;
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, "the trial installation hands "
                + "out tokens only to callers on its own machine (http://localhost); elsewhere use an installation "
                + "with an identity provider");
        problem.setTitle("Trial tokens only on this machine");
        problem.setType(URI.create("about:blank"));
        response.setStatus(HttpStatus.FORBIDDEN.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }

    static boolean fromThisMachine(HttpServletRequest request) {
        return loopbackAddress(request.getRemoteAddr())
                && PROXY_HEADERS.stream().noneMatch(header -> request.getHeader(header) != null)
                && request.getServerName() != null
                && LOOPBACK_HOST.matcher(request.getServerName().toLowerCase(Locale.ROOT)).matches();
    }

    private static boolean loopbackAddress(String address) {
        if (address == null || address.isBlank()) {
            return false;
        }
        try {
            return LOOPBACK.stream().anyMatch(matcher -> matcher.matches(address));
        } catch (IllegalArgumentException e) {
            // not an IP address at all (a container reports one always; a wrapper might not)
            return false;
        }
    }
}
