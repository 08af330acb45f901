package nl.ggz.contracts.api.operations;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Operator endpoints for events a streaming read model could not apply. */
@RestController
@RequestMapping("/api/admin/dead-letters")
public class DeadLetterController {

    private final DeadLetters deadLetters;

    public DeadLetterController(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @GetMapping
    public DeadLetterList list(@RequestParam(required = false) String group) {
        return deadLetters.list(group);
    }

    @PostMapping("/{group}/retry")
    public DeadLetterRetry retry(@PathVariable String group) {
        return deadLetters.retry(group);
    }
}
