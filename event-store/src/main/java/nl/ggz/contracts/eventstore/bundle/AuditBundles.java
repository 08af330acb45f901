package nl.ggz.contracts.eventstore.bundle;

import nl.ggz.contracts.eventstore.ChainHeadReader;
import nl.ggz.contracts.eventstore.ChainHeads;
import nl.ggz.contracts.eventstore.CommittedHorizon;
import nl.ggz.contracts.eventstore.AuditProperties;
import nl.ggz.contracts.eventstore.WritesStillOpenException;
import nl.ggz.contracts.eventstore.log.LogAppender;
import nl.ggz.contracts.eventstore.log.VerifiableLog;
import nl.ggz.contracts.audit.StreamHead;
import nl.ggz.contracts.eventstore.checkpoint.AuditCheckpoints;
import nl.ggz.contracts.audit.Checkpoint;
import nl.ggz.contracts.audit.MerkleTree;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Prepares a regulator bundle of one insurer's year: the latest checkpoint when it covers every committed event, a
 * fresh one otherwise (so that the bundle holds everything up to the request, all of it under a signature), the
 * tree of that checkpoint's stream heads, and the insurer's log head at the checkpoint's position — after the log has
 * been appended up to it, so that every event of the bundle is a leaf under that head.
 */
@Component
public class AuditBundles {

    private static final Logger logger = LoggerFactory.getLogger(AuditBundles.class);

    private final CommittedHorizon horizon;
    private final AuditCheckpoints checkpoints;
    private final ChainHeadReader heads;
    private final VerifiableLog log;
    private final LogAppender appender;
    private final AuditProperties settings;

    public AuditBundles(CommittedHorizon horizon, AuditCheckpoints checkpoints, ChainHeadReader heads,
                        VerifiableLog log, LogAppender appender, AuditProperties settings) {
        this.horizon = horizon;
        this.checkpoints = checkpoints;
        this.heads = heads;
        this.log = log;
        this.appender = appender;
        this.settings = settings;
    }

    public AuditBundle prepare(String insurer, int year) {
        long committed = horizon.position();
        Optional<Checkpoint> latest = checkpoints.latest().filter(c -> c.upToPosition() >= committed);
        Checkpoint checkpoint;
        ChainHeads chains;
        if (latest.isPresent()) {
            checkpoint = latest.get();
            chains = heads.upTo(checkpoint.upToPosition());
        } else {
            chains = heads.upTo(committed);
            checkpoint = checkpoints.take(chains);
        }
        MerkleTree tree = MerkleTree.of(chains.heads());
        if (!Arrays.equals(tree.root(), checkpoint.merkleRoot())) {
            // the stored history below the checkpoint differs from what was signed: the bundle is still written as
            // stored, and its proofs fail in the verifier, which is where the regulator must see it
            logger.error("audit bundle {}-{}: the event history up to position {} no longer has the root that checkpoint "
                            + "{} signed ({} now, {} signed): it was changed in the database", insurer, year,
                    checkpoint.upToPosition(), checkpoint.id(), HexFormat.of().formatHex(tree.root()),
                    HexFormat.of().formatHex(checkpoint.merkleRoot()));
        }
        appendUpTo(checkpoint.upToPosition());
        long size = log.sizeAt(insurer, checkpoint.upToPosition());
        Map<String, StreamHead> byStream = new HashMap<>();
        chains.heads().forEach(head -> byStream.put(head.aggregateId(), head));
        return new AuditBundle(insurer, year, checkpoint, tree, byStream, log.origin(insurer), size,
                log.checkpoint(insurer, size));
    }

    /**
     * Appends the log up to the position (the appender runs behind the store by its poll interval); another node that
     * holds the log's lock is waited for, at most {@code ggz.audit.max-wait-for-writes}, then 503.
     */
    private void appendUpTo(long position) {
        long deadline = System.nanoTime() + settings.maxWaitForWrites().toNanos();
        while (!log.covers(position)) {
            appender.catchUp();
            if (log.covers(position)) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new WritesStillOpenException("the verifiable log is not yet appended up to position " + position
                        + "; ask again");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new WritesStillOpenException("interrupted while the verifiable log was appended");
            }
        }
    }
}
