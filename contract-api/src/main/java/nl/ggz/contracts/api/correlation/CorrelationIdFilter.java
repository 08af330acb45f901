package nl.ggz.contracts.api.correlation;

import nl.ggz.contracts.eventstore.AuditMetadata;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import nl.ggz.contracts.api.input.Text;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.UUID;

/**
 * Takes the request's correlation id, echoes it and puts it in the log lines and, through {@link CommandMetadata}, in the
 * metadata of every event the request causes. The client's id is kept only when it has the fixed form
 * ({@link Text#TOKEN}: a UUID or up to 64 letters, digits, '.', '_' and '-'); anything else is replaced by a new
 * UUID, so that the audit trail never records markup, control characters or kilobytes of a client's choosing.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class CorrelationIdFilter extends OncePerRequestFilter {

    public static final String CORRELATION_HEADER = "X-Correlation-Id";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String sent = request.getHeader(CORRELATION_HEADER);
        String correlationId = sent != null && Text.TOKEN.accepts(sent) ? sent : UUID.randomUUID().toString();
        CorrelationId.set(correlationId);
        MDC.put(AuditMetadata.CORRELATION_ID, correlationId);
        response.setHeader(CORRELATION_HEADER, correlationId);
        try {
            chain.doFilter(request, response);
        } finally {
            CorrelationId.clear();
            MDC.remove(AuditMetadata.CORRELATION_ID);
        }
    }
}
