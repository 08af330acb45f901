package nl.ggz.contracts.webhooks;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.stereotype.Component;

import java.util.concurrent.atomic.AtomicLong;

/**
 * What the operator watches: {@code ggz_webhook_subscriptions{state}} (read from the table when scraped, so a DEAD
 * subscription shows on every node) and {@code ggz_webhook_deliveries_total{outcome}} (this node's POSTs).
 */
@Component
class WebhookMetrics implements MeterBinder {

    private final Subscriptions subscriptions;
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();

    WebhookMetrics(Subscriptions subscriptions) {
        this.subscriptions = subscriptions;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (SubscriptionState state : SubscriptionState.values()) {
            Gauge.builder("ggz.webhook.subscriptions", () -> subscriptions.count(state))
                    .description("webhook subscriptions in this state (DEAD: waiting for the operator's retry)")
                    .tag("state", state.name()).register(registry);
        }
        FunctionCounter.builder("ggz.webhook.deliveries", delivered, AtomicLong::get)
                .description("webhook POSTs the receiver acknowledged (2xx)").tag("outcome", "delivered")
                .register(registry);
        FunctionCounter.builder("ggz.webhook.deliveries", failed, AtomicLong::get)
                .description("webhook POSTs that failed (another status, no connection, a timeout)")
                .tag("outcome", "failed").register(registry);
    }

    void delivered() {
        delivered.incrementAndGet();
    }

    void failed() {
        failed.incrementAndGet();
    }
}
