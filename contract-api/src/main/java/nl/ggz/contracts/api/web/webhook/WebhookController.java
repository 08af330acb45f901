package nl.ggz.contracts.api.web.webhook;

import jakarta.validation.Valid;
import nl.ggz.contracts.api.input.Text;
import nl.ggz.contracts.api.input.ValidText;
import nl.ggz.contracts.api.problem.NotFoundException;
import nl.ggz.contracts.api.security.TrialMode;
import nl.ggz.contracts.domain.shared.InsurerCode;
import nl.ggz.contracts.domain.shared.InvalidValueException;
import nl.ggz.contracts.webhooks.Registration;
import nl.ggz.contracts.webhooks.Subscription;
import nl.ggz.contracts.webhooks.Subscriptions;
import nl.ggz.contracts.webhooks.WebhookProperties;
import nl.ggz.contracts.webhooks.WebhookUrl;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.UUID;

/**
 * The operator's webhooks (issue 17): registers an insurer's receiver of its claims feed, lists the subscriptions with
 * their delivery state, retries a DEAD one from where it stopped, deletes one. The secret that signs the deliveries is
 * in the registration's answer only.
 */
@RestController
@RequestMapping("/api/admin/webhooks")
public class WebhookController {

    private final Subscriptions subscriptions;
    /** Plain http:// to a loopback receiver: in the trial always, elsewhere only when the setting allows it. */
    private final boolean allowLoopbackHttp;

    public WebhookController(Subscriptions subscriptions, WebhookProperties settings, Environment environment) {
        this.subscriptions = subscriptions;
        this.allowLoopbackHttp = settings.allowLoopbackHttp() || TrialMode.isTrial(environment);
    }

    @PostMapping
    public ResponseEntity<Registration> register(@Valid @RequestBody WebhookRequest body) {
        InsurerCode insurer = new InsurerCode(body.insurerUzovi());
        URI url;
        try {
            url = WebhookUrl.parse(body.url(), allowLoopbackHttp);
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException(e.getMessage());
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(subscriptions.register(insurer, url));
    }

    @GetMapping
    public WebhookList list() {
        return new WebhookList(subscriptions.list());
    }

    @GetMapping("/{subscriptionId}")
    public Subscription subscription(@PathVariable @ValidText(Text.ID) String subscriptionId) {
        UUID id = id(subscriptionId);
        return subscriptions.find(id).orElseThrow(() -> notFound(id));
    }

    /** Delivery starts again now, at the line after the cursor (the one that failed), with a fresh count of attempts. */
    @PostMapping("/{subscriptionId}/retry")
    public Subscription retry(@PathVariable @ValidText(Text.ID) String subscriptionId) {
        UUID id = id(subscriptionId);
        return subscriptions.retry(id).orElseThrow(() -> notFound(id));
    }

    @DeleteMapping("/{subscriptionId}")
    public ResponseEntity<Void> delete(@PathVariable @ValidText(Text.ID) String subscriptionId) {
        UUID id = id(subscriptionId);
        if (!subscriptions.delete(id)) {
            throw notFound(id);
        }
        return ResponseEntity.noContent().build();
    }

    private static UUID id(String text) {
        if (!text.matches("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")) {
            throw new InvalidValueException("subscriptionId must be a UUID such as "
                    + "3f2b8c1e-0d4a-4b7e-9c51-2a6f0e8d9b13");
        }
        return UUID.fromString(text);
    }

    private static NotFoundException notFound(UUID id) {
        return new NotFoundException("no webhook subscription " + id);
    }
}
