package nl.ggz.contracts.api.web.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import nl.ggz.contracts.eventstore.AuditEventReader;
import nl.ggz.contracts.eventstore.CommittedHorizon;
import nl.ggz.contracts.eventstore.EventTypes;
import nl.ggz.contracts.eventstore.FindAuditEvents;
import nl.ggz.contracts.api.problem.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.DisconnectedClientHelper;

import java.io.BufferedOutputStream;
import java.io.IOException;

/**
 * The regulator's export of the raw event history (DESIGN.md §5): every stored event with its position, aggregate,
 * type, timestamp, payload and all metadata, in ascending global position, as NDJSON or CSV.
 * <p>
 * Written to the response while it is read from the database, on the request's own thread (no async timeout cuts a
 * long export short). To resume, a client passes the {@code position} of the last complete line it received as
 * {@code after}; the export then continues exactly with the next event. {@code X-Audit-Horizon} is the last position
 * this answer covers (see {@link CommittedHorizon}): every matching event up to it is in the answer, unless
 * {@code limit} stopped it first.
 */
@RestController
@RequestMapping("/api/audit")
public class AuditEventController {

    public static final String HORIZON_HEADER = "X-Audit-Horizon";

    private static final Logger log = LoggerFactory.getLogger(AuditEventController.class);
    private static final int BUFFER = 64 * 1024;

    private final AuditEventReader reader;
    private final CommittedHorizon horizon;
    private final EventTypes eventTypes;
    private final ObjectMapper json;

    public AuditEventController(AuditEventReader reader, CommittedHorizon horizon, EventTypes eventTypes,
                                ObjectMapper json) {
        this.reader = reader;
        this.horizon = horizon;
        this.eventTypes = eventTypes;
        this.json = json;
    }

    @GetMapping("/events")
    public void events(HttpServletRequest request, HttpServletResponse response) throws IOException {
        FindAuditEvents query = ExportParameters.parse(request.getParameterMap(), eventTypes);
        ExportFormat format = ExportFormat.accepting(request.getHeader(HttpHeaders.ACCEPT));
        if (query.contractId() != null && !reader.contractExists(query.contractId())) {
            throw new NotFoundException("no contract with id " + query.contractId());
        }
        long last = horizon.position();
        response.setContentType(format.contentType());
        response.setHeader(HORIZON_HEADER, Long.toString(last));
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        BufferedOutputStream out = new BufferedOutputStream(response.getOutputStream(), BUFFER);
        EventLineWriter lines = format.writer(out, json.getFactory());
        try {
            reader.read(query, last, lines::write);
            lines.finish();
            out.flush();
        } catch (IOException | RuntimeException e) {
            if (!response.isCommitted()) {
                // nothing has reached the client: the error can still be answered as a problem of its own
                response.reset();
            } else if (DisconnectedClientHelper.isClientDisconnectedException(e)) {
                log.debug("audit export: the client went away");
            } else {
                log.warn("audit export broken off half-way, the connection is dropped: {}", e.toString());
            }
            throw e;
        }
    }
}
