package nl.ggz.contracts.api.operations;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Live blue/green rebuild of the streaming read models: start (POST), follow (GET), abort (DELETE). JSON by default; {@code Accept: text/plain} gives the one-line summary
 * that bin/rebuild-read-models prints, so the script needs nothing but curl (errors stay problem+json).
 */
@RestController
@RequestMapping("/api/admin/read-models/rebuild")
public class ReadModelController {

    private final ReadModelRebuild rebuild;

    public ReadModelController(ReadModelRebuild rebuild) {
        this.rebuild = rebuild;
    }

    @PostMapping
    public ResponseEntity<Object> start(@RequestParam(required = false) String group,
                                        @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        return answer(HttpStatus.ACCEPTED, rebuild.start(group), accept);
    }

    /** Aborts the running rebuild: its shadow schema goes, the live read models serve as before. */
    @DeleteMapping
    public ResponseEntity<Object> abort(@RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        return answer(HttpStatus.OK, rebuild.abort(), accept);
    }

    @GetMapping
    public ResponseEntity<Object> progress(@RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        return answer(HttpStatus.OK, rebuild.progress(), accept);
    }

    private static ResponseEntity<Object> answer(HttpStatus status, RebuildProgress progress, String accept) {
        if (accept != null && accept.contains(MediaType.TEXT_PLAIN_VALUE)
                && !accept.contains(MediaType.APPLICATION_JSON_VALUE)) {
            return ResponseEntity.status(status).contentType(MediaType.TEXT_PLAIN).body(progress.line() + "\n");
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(progress);
    }
}
