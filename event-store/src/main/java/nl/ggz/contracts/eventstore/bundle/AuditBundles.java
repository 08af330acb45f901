package nl.ggz.contracts.eventstore.bundle;

import nl.ggz.contracts.eventstore.ChainHeadReader;
import nl.ggz.contracts.eventstore.ChainHeads;
import nl.ggz.contracts.eventstore.CommittedHorizon;
import nl.ggz.contracts.eventstore.FindAuditEvents;
import nl.ggz.contracts.eventstore.checkpoint.AuditCheckpoints;
import nl.ggz.contracts.audit.Checkpoint;
import nl.ggz.contracts.audit.MerkleTree;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;

/**
 * Prepares a regulator bundle of one insurer's year: the latest checkpoint when it covers every committed event, a
 * fresh one otherwise (so that the bundle holds everything up to the request, all of it under a signature), and the
 * tree of that checkpoint's stream heads.
 */
@Component
public class AuditBundles {

    private static final Logger log = LoggerFactory.getLogger(AuditBundles.class);

    private final CommittedHorizon horizon;
    private final AuditCheckpoints checkpoints;
    private final ChainHeadReader heads;

    public AuditBundles(CommittedHorizon horizon, AuditCheckpoints checkpoints, ChainHeadReader heads) {
        this.horizon = horizon;
        this.checkpoints = checkpoints;
        this.heads = heads;
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
            log.error("audit bundle {}-{}: the event history up to position {} no longer has the root that checkpoint "
                            + "{} signed ({} now, {} signed): it was changed in the database", insurer, year,
                    checkpoint.upToPosition(), checkpoint.id(), HexFormat.of().formatHex(tree.root()),
                    HexFormat.of().formatHex(checkpoint.merkleRoot()));
        }
        FindAuditEvents events = new FindAuditEvents(null, insurer, null, year, null, null, Set.of(), 0, null);
        return new AuditBundle(insurer, year, checkpoint, tree, events);
    }
}
