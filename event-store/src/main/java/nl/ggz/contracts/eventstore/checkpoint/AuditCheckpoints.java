package nl.ggz.contracts.eventstore.checkpoint;

import nl.ggz.contracts.eventstore.ChainHeadReader;
import nl.ggz.contracts.eventstore.ChainHeads;
import nl.ggz.contracts.eventstore.CommittedHorizon;
import nl.ggz.contracts.audit.Checkpoint;
import nl.ggz.contracts.audit.MerkleRoot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Takes, stores and lists signed checkpoints (table {@code audit_checkpoint}, append-only, V8). A checkpoint covers the
 * event table up to its committed horizon ({@link CommittedHorizon}: no event at or below it can still appear), so
 * that an export taken later holds exactly the history it signs.
 */
@Component
public class AuditCheckpoints {

    private static final Logger log = LoggerFactory.getLogger(AuditCheckpoints.class);

    private static final RowMapper<Checkpoint> ROW = (rows, i) -> new Checkpoint(rows.getLong("id"),
            rows.getTimestamp("created_at").toInstant(), rows.getLong("up_to_position"), rows.getLong("events"),
            rows.getLong("streams"), rows.getBytes("merkle_root"), rows.getString("key_id"),
            rows.getBytes("signature"));

    private final CommittedHorizon horizon;
    private final ChainHeadReader heads;
    private final AuditSigningKey key;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    public AuditCheckpoints(CommittedHorizon horizon, ChainHeadReader heads, AuditSigningKey key, JdbcTemplate jdbc,
                            Clock clock) {
        this.horizon = horizon;
        this.heads = heads;
        this.key = key;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A checkpoint of everything committed now. */
    public Checkpoint take() {
        return take(horizon.position());
    }

    /** A checkpoint, unless no event was committed since the last one (the scheduled run). */
    public Optional<Checkpoint> takeIfNew() {
        long position = horizon.position();
        Long last = jdbc.queryForObject("SELECT max(up_to_position) FROM audit_checkpoint", Long.class);
        if (position <= (last == null ? 0 : last)) {
            return Optional.empty();
        }
        return Optional.of(take(position));
    }

    public List<Checkpoint> all() {
        return jdbc.query("SELECT * FROM audit_checkpoint ORDER BY id", ROW);
    }

    /** The checkpoint that covers the most: the highest position, the last taken among equals. */
    public Optional<Checkpoint> latest() {
        return jdbc.query("SELECT * FROM audit_checkpoint ORDER BY up_to_position DESC, id DESC LIMIT 1", ROW).stream()
                .findFirst();
    }

    public Optional<Checkpoint> find(long id) {
        return jdbc.query("SELECT * FROM audit_checkpoint WHERE id = ?", ROW, id).stream().findFirst();
    }

    private Checkpoint take(long position) {
        return take(heads.upTo(position));
    }

    /** A checkpoint of heads already read up to a settled position: a bundle proves its streams' heads with them. */
    public Checkpoint take(ChainHeads chains) {
        long position = chains.upToPosition();
        // milliseconds: what the signed text and the stored timestamptz both keep exactly
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
        Checkpoint signed = key.sign(new Checkpoint(0, now, position, chains.events(), chains.heads().size(),
                MerkleRoot.of(chains.heads()), null, null));
        Long id = jdbc.queryForObject("""
                INSERT INTO audit_checkpoint (created_at, up_to_position, events, streams, merkle_root, key_id, signature)
                VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id
                """, Long.class, Timestamp.from(now), position, signed.events(), signed.streams(),
                signed.merkleRoot(), signed.keyId(), signed.signature());
        Checkpoint stored = signed.withId(id);
        log.info("audit checkpoint {} up to position {}: {} events in {} streams, root {}", id, position,
                stored.events(), stored.streams(), HexFormat.of().formatHex(stored.merkleRoot()));
        return stored;
    }
}
