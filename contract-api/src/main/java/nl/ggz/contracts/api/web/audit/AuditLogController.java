package nl.ggz.contracts.api.web.audit;

import jakarta.servlet.http.HttpServletRequest;
import nl.ggz.contracts.api.problem.ForbiddenException;
import nl.ggz.contracts.api.problem.NotFoundException;
import nl.ggz.contracts.api.security.Caller;
import nl.ggz.contracts.api.security.Role;
import nl.ggz.contracts.domain.shared.InvalidValueException;
import nl.ggz.contracts.eventstore.log.InclusionAnswer;
import nl.ggz.contracts.eventstore.log.LogCosignatures;
import nl.ggz.contracts.eventstore.log.LogTimestamper;
import nl.ggz.contracts.eventstore.log.VerifiableLog;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * The verifiable log (issue 18): the latest signed checkpoint (a C2SP signed note) of the global log or of an
 * insurer's, and RFC 9162 inclusion and consistency proofs against it. The regulator reads every log; a purchaser
 * reads its own insurer's log only (the global log's size and order tell about every insurer's activity).
 */
@RestController
@RequestMapping("/api/audit/log")
public class AuditLogController {

    private static final Base64.Encoder BASE64 = Base64.getEncoder();
    private static final MediaType NOTE = new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8);

    private static final MediaType TIMESTAMP_REPLY = MediaType.parseMediaType("application/timestamp-reply");

    private final VerifiableLog log;
    private final LogTimestamper timestamps;
    private final LogCosignatures cosignatures;

    public AuditLogController(VerifiableLog log, LogTimestamper timestamps, LogCosignatures cosignatures) {
        this.log = log;
        this.timestamps = timestamps;
        this.cosignatures = cosignatures;
    }

    /** The current head, or with {@code size} the head of that many leaves; with its witnesses' cosignatures. */
    @GetMapping("/checkpoint")
    public ResponseEntity<String> checkpoint(HttpServletRequest request) {
        Map<String, String[]> parameters = request.getParameterMap();
        LogParameters.only(parameters, List.of("insurer", "size"));
        String insurer = allowed(LogParameters.insurer(parameters));
        Long size = null;
        if (parameters.containsKey("size")) {
            size = LogParameters.positive(parameters, "size", "the size of a head of the log");
            within(size, "size", insurer);
        }
        return ResponseEntity.ok().contentType(NOTE)
                .header(HttpHeaders.CACHE_CONTROL, "no-store").body(log.checkpoint(insurer, size));
    }

    /**
     * The TSA's RFC 3161 reply (TimeStampResp, DER) over the note body of the head of {@code size}, or of the largest
     * timestamped head; {@code Log-Tree-Size} names the head, whose checkpoint is {@code /checkpoint?size=}.
     */
    @GetMapping("/checkpoint/timestamp")
    public ResponseEntity<byte[]> timestamp(HttpServletRequest request) {
        Map<String, String[]> parameters = request.getParameterMap();
        LogParameters.only(parameters, List.of("insurer", "size"));
        String insurer = allowed(LogParameters.insurer(parameters));
        Long size = parameters.containsKey("size")
                ? LogParameters.positive(parameters, "size", "the size of a timestamped head of the log") : null;
        LogTimestamper.Timestamped timestamped = timestamps.reply(insurer, size).orElseThrow(() ->
                new NotFoundException((size == null ? "no head" : "no head of size " + size) + " of "
                        + log.origin(insurer) + " is timestamped" + (size == null ? " yet" : "")));
        return ResponseEntity.ok().contentType(TIMESTAMP_REPLY).header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header("Log-Tree-Size", Long.toString(timestamped.size())).body(timestamped.reply());
    }

    /**
     * A witness's cosignature (C2SP tlog-cosignature): the checkpoint note as served, its own line appended, as
     * text/plain. Kept only for a head this installation signed, with a line that verifies with the witness's key.
     */
    @PostMapping(path = "/cosignatures")
    public CosignaturesResponse cosign(HttpServletRequest request) throws java.io.IOException {
        LogParameters.only(request.getParameterMap(), List.of());
        MediaType type;
        try {
            type = request.getContentType() == null ? null : MediaType.parseMediaType(request.getContentType());
        } catch (org.springframework.http.InvalidMediaTypeException e) {
            type = null;
        }
        if (type == null || !MediaType.TEXT_PLAIN.isCompatibleWith(type)) {
            throw new InvalidValueException("the body is the cosigned checkpoint note as text/plain (Content-Type: "
                    + "text/plain)");
        }
        byte[] bytes = request.getInputStream().readNBytes(LogCosignatures.MAX_LENGTH * 4 + 1);
        if (bytes.length > LogCosignatures.MAX_LENGTH * 4) {
            throw new InvalidValueException("a cosigned checkpoint is at most " + LogCosignatures.MAX_LENGTH
                    + " characters");
        }
        String note;
        try {
            note = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new InvalidValueException("the body is not UTF-8");
        }
        LogCosignatures.Cosigned cosigned = cosignatures.accept(note);
        return new CosignaturesResponse(cosigned.origin(), cosigned.treeSize(), cosigned.cosignatures().stream()
                .map(c -> new CosignaturesResponse.Cosignature(c.witness(), c.cosignedAt().toString(), c.stored()))
                .toList());
    }

    @GetMapping("/proof/inclusion")
    public InclusionProofResponse inclusion(HttpServletRequest request) {
        Map<String, String[]> parameters = request.getParameterMap();
        LogParameters.only(parameters, List.of("position", "treeSize", "insurer"));
        long position = LogParameters.positive(parameters, "position", "the global position of an event");
        long treeSize = LogParameters.positive(parameters, "treeSize", "the size of a checkpoint of the log");
        String insurer = allowed(LogParameters.insurer(parameters));
        within(treeSize, "treeSize", insurer);
        InclusionAnswer answer = log.inclusion(position, treeSize, insurer).orElseThrow(() -> new NotFoundException(
                "position " + position + " is not among the first " + treeSize + " leaves of " + log.origin(insurer)));
        return new InclusionProofResponse(answer.origin(), answer.treeSize(), answer.leafIndex(), answer.position(),
                BASE64.encodeToString(answer.leafHash()), base64(answer.hashes()));
    }

    @GetMapping("/proof/consistency")
    public ConsistencyProofResponse consistency(HttpServletRequest request) {
        Map<String, String[]> parameters = request.getParameterMap();
        LogParameters.only(parameters, List.of("from", "to", "insurer"));
        long from = LogParameters.positive(parameters, "from", "the size of the earlier checkpoint");
        long to = LogParameters.positive(parameters, "to", "the size of the later checkpoint");
        String insurer = allowed(LogParameters.insurer(parameters));
        if (from > to) {
            throw new InvalidValueException("from (" + from + ") must not be above to (" + to + "): a log only grows");
        }
        within(to, "to", insurer);
        return new ConsistencyProofResponse(log.origin(insurer), from, to, base64(log.consistency(from, to, insurer)));
    }

    /** A purchaser asks for its own insurer's log, and only for that. */
    private static String allowed(String insurer) {
        Caller caller = Caller.require();
        if (caller.role() == Role.PURCHASER && (insurer == null || !insurer.equals(caller.insurer()))) {
            throw new ForbiddenException("a purchaser reads the log of its own insurer: insurer=" + caller.insurer());
        }
        return insurer;
    }

    private void within(long size, String name, String insurer) {
        long current = log.size(insurer);
        if (size > current) {
            throw new InvalidValueException(name + " " + size + " is beyond the log's size " + current + " ("
                    + log.origin(insurer) + ")");
        }
    }

    private static List<String> base64(List<byte[]> hashes) {
        return hashes.stream().map(BASE64::encodeToString).toList();
    }
}
