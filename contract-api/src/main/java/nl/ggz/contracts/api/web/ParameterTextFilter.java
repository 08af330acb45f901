package nl.ggz.contracts.api.web;

import nl.ggz.contracts.api.input.Text;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import nl.ggz.contracts.domain.shared.Echo;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Map;
import java.util.Objects;

/**
 * Every path and query parameter of the API keeps the common text rule ({@link Text#PARAMETER}: no control,
 * bidirectional-control, lone-surrogate or noncharacter code points, at most 1000 characters) before any controller,
 * query or SQL sees it; each parameter's own rule (an id, a code, a date) is checked where it is read. A parameter that
 * the servlet container could not decode (malformed percent-encoding or UTF-8) is refused too: Tomcat would otherwise
 * drop it in silence, and a dropped filter widens an answer.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
public class ParameterTextFilter extends OncePerRequestFilter {

    /** Set by Tomcat when it skipped parameters it could not parse (Globals.PARAMETER_PARSE_FAILED_ATTR). */
    private static final String PARSE_FAILED = "org.apache.catalina.parameter_parse_failed";

    private final ObjectMapper json;

    public ParameterTextFilter(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String problem = problemWith(request);
        if (problem != null) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            json.writeValue(response.getOutputStream(),
                    ProblemDetailsAdvice.problem(HttpStatus.BAD_REQUEST, "Invalid request", problem));
            return;
        }
        chain.doFilter(request, response);
    }

    static String problemWith(HttpServletRequest request) {
        String path = request.getServletPath() + Objects.toString(request.getPathInfo(), "");
        String pathProblem = Text.PARAMETER.problem(path);
        if (pathProblem != null) {
            return "the path " + pathProblem;
        }
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            String name = parameter.getKey();
            String nameProblem = Text.PARAMETER.problem(name);
            if (nameProblem != null) {
                return "the query parameter name '" + Echo.of(name) + "' " + nameProblem;
            }
            for (String value : parameter.getValue()) {
                String valueProblem = Text.PARAMETER.problem(value);
                if (valueProblem != null) {
                    return "query parameter '" + Echo.of(name) + "' " + valueProblem;
                }
            }
        }
        if (request.getAttribute(PARSE_FAILED) != null) {
            return "the query string is malformed: a parameter is not percent-encoded UTF-8 (a '%' is written %25)";
        }
        return null;
    }
}
