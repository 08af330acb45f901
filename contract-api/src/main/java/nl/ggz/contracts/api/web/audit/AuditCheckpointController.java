package nl.ggz.contracts.api.web.audit;

import nl.ggz.contracts.eventstore.checkpoint.AuditCheckpoints;
import nl.ggz.contracts.eventstore.checkpoint.AuditSigningKey;
import nl.ggz.contracts.api.problem.NotFoundException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

import java.util.List;

/**
 * Signed checkpoints of the event history and the public key that verifies them: what a regulator needs besides the
 * export to run the offline verifier with {@code --checkpoints} and {@code --public-key}.
 */
@RestController
@RequestMapping("/api/audit")
public class AuditCheckpointController {

    public static final MediaType PEM = MediaType.parseMediaType("application/x-pem-file");
    public static final String KEY_ID_HEADER = "X-Audit-Key-Id";

    private final AuditCheckpoints checkpoints;
    private final AuditSigningKey key;

    public AuditCheckpointController(AuditCheckpoints checkpoints, AuditSigningKey key) {
        this.checkpoints = checkpoints;
        this.key = key;
    }

    /** A checkpoint now, besides the scheduled ones: e.g. just before an export is handed over. */
    @PostMapping("/checkpoints")
    public ResponseEntity<CheckpointResponse> take(UriComponentsBuilder uri) {
        CheckpointResponse taken = CheckpointResponse.of(checkpoints.take());
        return ResponseEntity.created(uri.path("/api/audit/checkpoints/{id}").build(taken.id())).body(taken);
    }

    @GetMapping("/checkpoints")
    public List<CheckpointResponse> all() {
        return checkpoints.all().stream().map(CheckpointResponse::of).toList();
    }

    @GetMapping("/checkpoints/{id}")
    public CheckpointResponse one(@PathVariable long id) {
        return checkpoints.find(id).map(CheckpointResponse::of)
                .orElseThrow(() -> new NotFoundException("no checkpoint with id " + id));
    }

    @GetMapping("/public-key")
    public ResponseEntity<String> publicKey() {
        return ResponseEntity.ok().contentType(PEM).header(KEY_ID_HEADER, key.keyId())
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"ggz-audit-" + key.keyId() + ".pem\"")
                .body(key.publicKeyPem());
    }
}
