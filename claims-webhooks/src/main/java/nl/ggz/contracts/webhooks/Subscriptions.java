package nl.ggz.contracts.webhooks;

import nl.ggz.contracts.domain.shared.InsurerCode;
import nl.ggz.contracts.eventstore.CommittedHorizon;
import nl.ggz.contracts.jdbc.TableOwner;
import nl.ggz.contracts.projections.claimsfeed.FeedCursor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.net.URI;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The subscriptions and their delivery state ({@code webhook_subscription}, V40): what the operator registers, lists,
 * retries and deletes, and what the dispatcher claims and moves on.
 */
@Component
public class Subscriptions implements TableOwner {

    static final String TABLE = "webhook_subscription";
    private static final String COLUMNS = "subscription_id, insurer_uzovi, url, state, feed_cursor, last_delivered_at, "
            + "attempts, next_attempt_at, last_error, created_at";

    private final JdbcTemplate jdbc;
    private final CommittedHorizon horizon;
    private final Clock clock;

    public Subscriptions(JdbcTemplate jdbc, CommittedHorizon horizon, Clock clock) {
        this.jdbc = jdbc;
        this.horizon = horizon;
        this.clock = clock;
    }

    @Override
    public List<String> tables() {
        return List.of(TABLE);
    }

    /**
     * A new subscription of the insurer's claims feed, delivered from now on: it starts after the committed horizon
     * (every line committed later arrives; what came before is in {@code GET /api/claims-feed}, up to the cursor the
     * list shows). The URL is checked by {@link WebhookUrl} before it comes here.
     */
    public Registration register(InsurerCode insurer, URI url) {
        UUID id = UUID.randomUUID();
        String secret = WebhookSignature.newSecret();
        FeedCursor start = FeedCursor.afterEvent(horizon.position());
        Instant now = clock.instant();
        jdbc.update("INSERT INTO " + TABLE + " (subscription_id, insurer_uzovi, url, secret, state, feed_cursor, "
                        + "attempts, next_attempt_at, created_at) VALUES (?, ?, ?, ?, 'ACTIVE', ?, 0, ?, ?)", id,
                insurer.value(), url.toString(), secret, start.toString(), Timestamp.from(now), Timestamp.from(now));
        return new Registration(find(id).orElseThrow(), secret);
    }

    /** Every subscription, oldest first. */
    public List<Subscription> list() {
        return jdbc.query("SELECT " + COLUMNS + " FROM " + TABLE + " ORDER BY created_at, subscription_id", VIEW);
    }

    public Optional<Subscription> find(UUID id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM " + TABLE + " WHERE subscription_id = ?", VIEW, id).stream()
                .findFirst();
    }

    /** Subscriptions in the state, for the metric. */
    public long count(SubscriptionState state) {
        return jdbc.queryForObject("SELECT count(*) FROM " + TABLE + " WHERE state = ?", Long.class, state.name());
    }

    /**
     * The operator's retry: attempts start again at the line after the cursor (where delivery stopped), now. Waits
     * while a node is delivering the subscription (at most {@code ggz.webhooks.claim-budget} and one request timeout).
     */
    public Optional<Subscription> retry(UUID id) {
        int updated = jdbc.update("UPDATE " + TABLE + " SET state = 'ACTIVE', attempts = 0, next_attempt_at = ? "
                + "WHERE subscription_id = ?", Timestamp.from(clock.instant()), id);
        return updated == 0 ? Optional.empty() : find(id);
    }

    /** Deletes the subscription; nothing more is delivered to it. */
    public boolean delete(UUID id) {
        return jdbc.update("DELETE FROM " + TABLE + " WHERE subscription_id = ?", id) > 0;
    }

    // --- the dispatcher's side, inside its transaction ---

    /** What the dispatcher needs of a claimed subscription. */
    record Claimed(UUID id, InsurerCode insurer, String url, String secret, FeedCursor cursor, int attempts) {
    }

    /**
     * Takes the subscription due longest, if any, and locks its row for this transaction; rows another node holds are
     * skipped, so that two nodes never deliver one subscription at once.
     */
    Optional<Claimed> claimDue() {
        return jdbc.query("SELECT subscription_id, insurer_uzovi, url, secret, feed_cursor, attempts FROM " + TABLE
                        + " WHERE state <> 'DEAD' AND next_attempt_at <= ? ORDER BY next_attempt_at LIMIT 1 "
                        + "FOR UPDATE SKIP LOCKED",
                (row, n) -> new Claimed(row.getObject(1, UUID.class), new InsurerCode(row.getString(2)),
                        row.getString(3), row.getString(4), FeedCursor.parse(row.getString(5)), row.getInt(6)),
                Timestamp.from(clock.instant())).stream().findFirst();
    }

    /** Lines delivered (or read past) up to the cursor; the next look is at {@code next}. */
    void delivered(UUID id, FeedCursor cursor, Instant lastDeliveredAt, Instant next) {
        jdbc.update("UPDATE " + TABLE + " SET state = 'ACTIVE', feed_cursor = ?, attempts = 0, last_error = NULL, "
                        + "last_delivered_at = coalesce(?, last_delivered_at), next_attempt_at = ? "
                        + "WHERE subscription_id = ?", cursor.toString(),
                lastDeliveredAt == null ? null : Timestamp.from(lastDeliveredAt), Timestamp.from(next), id);
    }

    /** The line after {@code cursor} failed: tried again at {@code next}, or never again by itself when dead. */
    void failed(UUID id, FeedCursor cursor, Instant lastDeliveredAt, int attempts, boolean dead, String error,
                Instant next) {
        jdbc.update("UPDATE " + TABLE + " SET state = ?, feed_cursor = ?, attempts = ?, last_error = ?, "
                        + "last_delivered_at = coalesce(?, last_delivered_at), next_attempt_at = ? "
                        + "WHERE subscription_id = ?", dead ? "DEAD" : "FAILING", cursor.toString(), attempts,
                error.length() > 200 ? error.substring(0, 200) : error,
                lastDeliveredAt == null ? null : Timestamp.from(lastDeliveredAt), Timestamp.from(next), id);
    }

    private static final RowMapper<Subscription> VIEW = (row, n) -> new Subscription(row.getObject(1, UUID.class),
            row.getString(2), row.getString(3), SubscriptionState.valueOf(row.getString(4)), row.getString(5),
            instant(row.getTimestamp(6)), row.getInt(7), instant(row.getTimestamp(8)), row.getString(9),
            instant(row.getTimestamp(10)));

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
