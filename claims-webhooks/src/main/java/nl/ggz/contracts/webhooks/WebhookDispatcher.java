package nl.ggz.contracts.webhooks;

import nl.ggz.contracts.eventstore.WritesStillOpenException;
import nl.ggz.contracts.projections.claimsfeed.ClaimsFeed;
import nl.ggz.contracts.projections.claimsfeed.ClaimsFeedEntry;
import nl.ggz.contracts.projections.claimsfeed.ClaimsFeedPage;
import nl.ggz.contracts.projections.claimsfeed.FeedCursor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Delivers the claims feed to the subscriptions, on threads of its own ({@code ggz.webhooks.threads}): it reads the
 * event store through {@link ClaimsFeed} after each subscription's cursor, so ingestion never waits for a receiver.
 * <p>
 * A worker takes the subscription due longest with its row locked ({@code FOR UPDATE SKIP LOCKED}: no two nodes or
 * threads deliver one subscription at once), reads a batch of lines after its cursor and POSTs them one at a time, in
 * feed order, each only after the one before was acknowledged: strictly ordered per subscription, hence per ceiling.
 * At least once: the cursor moves past a line only after its 2xx, and is committed with the claim (a node that dies
 * mid-batch leaves the batch to be sent again; the CloudEvent id tells the receiver it has seen a line). A failure
 * stops the batch and schedules the same line again after an exponential back-off; after
 * {@code ggz.webhooks.retry.max-attempts} failures in a row the subscription is DEAD until the operator retries.
 */
@Component
class WebhookDispatcher implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookDispatcher.class);

    private final Subscriptions subscriptions;
    private final ClaimsFeed feed;
    private final WebhookSender sender;
    private final WebhookMetrics metrics;
    private final WebhookProperties settings;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private volatile boolean running;
    private ExecutorService workers;

    WebhookDispatcher(Subscriptions subscriptions, ClaimsFeed feed, WebhookSender sender, WebhookMetrics metrics,
                      WebhookProperties settings, PlatformTransactionManager transactionManager, Clock clock) {
        this.subscriptions = subscriptions;
        this.feed = feed;
        this.sender = sender;
        this.metrics = metrics;
        this.settings = settings;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    @Override
    public void start() {
        if (!settings.enabled()) {
            LOG.info("Webhook delivery is off on this node (ggz.webhooks.enabled=false)");
            return;
        }
        AtomicInteger number = new AtomicInteger();
        workers = Executors.newFixedThreadPool(settings.threads(), task -> {
            Thread thread = new Thread(task, "webhooks-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        running = true;
        for (int i = 0; i < settings.threads(); i++) {
            workers.submit(this::work);
        }
    }

    @Override
    public void stop() {
        running = false;
        if (workers != null) {
            workers.shutdownNow();
            try {
                workers.awaitTermination(settings.requestTimeout().toMillis() + 1_000, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** After the web server and the processors: the last to start, the first to stop. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100;
    }

    private void work() {
        while (running && !Thread.currentThread().isInterrupted()) {
            boolean busy;
            try {
                busy = Boolean.TRUE.equals(transactions.execute(status -> deliverOne()));
            } catch (WritesStillOpenException e) {
                // the event store is busy committing: the next look will do
                busy = false;
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                LOG.warn("Webhook delivery failed, trying again shortly: {}", e.toString());
                busy = false;
            }
            if (!busy) {
                try {
                    Thread.sleep(settings.pollInterval().toMillis());
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    /** Claims one due subscription and delivers a batch to it; false when none was due. */
    private boolean deliverOne() {
        Optional<Subscriptions.Claimed> due = subscriptions.claimDue();
        if (due.isEmpty()) {
            return false;
        }
        Subscriptions.Claimed subscription = due.get();
        ClaimsFeedPage page = feed.read(subscription.insurer(), subscription.cursor(), settings.batchSize());
        Instant budgetEnd = clock.instant().plus(settings.claimBudget());
        FeedCursor cursor = subscription.cursor();
        Instant lastDelivered = null;
        List<ClaimsFeedEntry> entries = new ArrayList<>(page.entries());
        for (ClaimsFeedEntry entry : entries) {
            if (!running || (lastDelivered != null && clock.instant().isAfter(budgetEnd))) {
                // let go of the row; the rest is due at once
                subscriptions.delivered(subscription.id(), cursor, lastDelivered, clock.instant());
                return true;
            }
            DeliveryOutcome outcome = sender.send(subscription.id(), subscription.url(), subscription.secret(), entry);
            if (!outcome.delivered() && !running) {
                // the node is stopping (the POST was interrupted): not the receiver's failure; keep what arrived
                subscriptions.delivered(subscription.id(), cursor, lastDelivered, clock.instant());
                return true;
            }
            if (!outcome.delivered()) {
                metrics.failed();
                int attempts = (lastDelivered == null ? subscription.attempts() : 0) + 1;
                boolean dead = attempts >= settings.retry().maxAttempts();
                Instant next = clock.instant().plus(settings.retry().backoffAfter(attempts));
                subscriptions.failed(subscription.id(), cursor, lastDelivered, attempts, dead, outcome.error(), next);
                if (dead) {
                    LOG.warn("Webhook subscription {} is DEAD after {} failed attempts at the line after {} ({}); "
                            + "the operator retries it at POST /api/admin/webhooks/{}/retry", subscription.id(),
                            attempts, cursor, outcome.error(), subscription.id());
                }
                return true;
            }
            metrics.delivered();
            cursor = entry.feedCursor();
            lastDelivered = clock.instant();
        }
        // every line of the page arrived: go on after what was read (past other insurers' events, too)
        FeedCursor next = page.resumeAfter();
        boolean moved = !next.equals(subscription.cursor());
        Instant nextLook = moved ? clock.instant() : clock.instant().plus(settings.pollInterval());
        subscriptions.delivered(subscription.id(), next, lastDelivered, nextLook);
        return moved;
    }
}
