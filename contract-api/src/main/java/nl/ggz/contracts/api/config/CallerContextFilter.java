package nl.ggz.contracts.api.config;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.UUID;

/** Takes the request's correlation id (the client's, or a new one), echoes it and puts it in the log lines. */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class CallerContextFilter extends OncePerRequestFilter {

    public static final String CORRELATION_HEADER = "X-Correlation-Id";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String correlationId = header(request, CORRELATION_HEADER, UUID.randomUUID().toString());
        // who is calling comes from the bearer token alone, read when a command is sent (CallerContext.current)
        CallerContext.setCorrelationId(correlationId);
        MDC.put(AuditMetadata.CORRELATION_ID, correlationId);
        response.setHeader(CORRELATION_HEADER, correlationId);
        try {
            chain.doFilter(request, response);
        } finally {
            CallerContext.clear();
            MDC.remove(AuditMetadata.CORRELATION_ID);
        }
    }

    /** A header value, cut to a sane length and stripped of control characters; the fallback when absent. */
    private static String header(HttpServletRequest request, String name, String fallback) {
        String value = request.getHeader(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        String clean = value.replaceAll("\\p{Cntrl}", "").strip();
        return clean.length() > 200 ? clean.substring(0, 200) : clean;
    }
}
