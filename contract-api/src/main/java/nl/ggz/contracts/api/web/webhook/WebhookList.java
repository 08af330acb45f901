package nl.ggz.contracts.api.web.webhook;

import nl.ggz.contracts.webhooks.Subscription;

import java.util.List;

/** The operator's list of webhook subscriptions, oldest first. */
public record WebhookList(List<Subscription> subscriptions) {
}
