package nl.ggz.contracts.projections.declaration;

import nl.ggz.contracts.domain.ceiling.ClawBackIssued;
import nl.ggz.contracts.domain.ceiling.ClawBackShare;
import nl.ggz.contracts.domain.ceiling.DeclarationCredited;
import nl.ggz.contracts.domain.ceiling.DeclarationRecorded;
import nl.ggz.contracts.domain.ceiling.DeclarationReduced;
import nl.ggz.contracts.domain.ceiling.DeclarationRelease;
import nl.ggz.contracts.domain.ceiling.HeldDeclarationsReleased;
import nl.ggz.contracts.jdbc.CommitBatch;
import nl.ggz.contracts.jdbc.TableOwner;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;

import static nl.ggz.contracts.jdbc.SqlTime.date;
import static nl.ggz.contracts.jdbc.SqlTime.ts;

/**
 * Every ceiling's declarations with their payable, held, credited and clawed-back amounts (issue 17), built by a
 * streaming processor from the events that say so per declaration: the list may lag the claims batch by about a
 * second (DESIGN.md §5), and ingestion pays nothing for it. Writes travel per batch of events ({@link CommitBatch}).
 */
@Component
@ProcessingGroup(DeclarationLineProjection.PROCESSING_GROUP)
public class DeclarationLineProjection implements TableOwner {

    public static final String PROCESSING_GROUP = "declaration-lines";

    @Override
    public List<String> tables() {
        return List.of("declaration_line");
    }

    private final CommitBatch writes;

    public DeclarationLineProjection(JdbcTemplate jdbc) {
        this.writes = new CommitBatch(jdbc);
    }

    @ResetHandler
    void reset() {
        writes.write("DELETE FROM declaration_line");
    }

    @EventHandler
    void on(DeclarationRecorded e, EventMessage<?> message, @Timestamp Instant at) {
        writes.write("""
                INSERT INTO declaration_line (ceiling_id, declaration_id, position, treatment_date, prestatie_code,
                    setting, amount_cents, payable_cents, held_cents, accepted_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (ceiling_id, declaration_id) DO NOTHING
                """,
                e.ceilingId(), e.declarationId(), position(message), date(e.treatmentDate()),
                e.prestatieCode().value(), e.setting().number(), e.amount().cents(), e.payable().cents(),
                e.unpaid().cents(), ts(at));
    }

    /**
     * The declaration's place in its ceiling: the sequence number of its event in the ceiling's stream (unique per
     * ceiling by the event store's key, in the order the ceiling accepted them). Not the tracking token: under the
     * pooled processor two declarations of one claims batch were seen with the same position (ClaimsFeedApiTest, a
     * unique-key failure), and Axon's {@code TrackingToken} parameter is the token of the reset during a replay.
     */
    private static long position(EventMessage<?> message) {
        if (message instanceof DomainEventMessage<?> event) {
            return event.getSequenceNumber();
        }
        // an event outside any stream (tests hand events to the projection directly): its tracking position
        return ((TrackedEventMessage<?>) message).trackingToken().position().orElseThrow();
    }

    @EventHandler
    void on(DeclarationCredited e) {
        writes.write("UPDATE declaration_line SET credited_cents = credited_cents + ? WHERE ceiling_id = ? "
                + "AND declaration_id = ?", e.amount().cents(), e.ceilingId(), e.correctsDeclarationId());
    }

    @EventHandler
    void on(ClawBackIssued e) {
        for (ClawBackShare share : e.shares()) {
            writes.write("UPDATE declaration_line SET clawed_back_cents = clawed_back_cents + ? WHERE ceiling_id = ? "
                    + "AND declaration_id = ?", share.amount().cents(), e.ceilingId(), share.declarationId());
        }
    }

    @EventHandler
    void on(DeclarationReduced e) {
        writes.write(CHANGE, -e.payableReduction().cents(), -e.heldReduction().cents(), e.ceilingId(),
                e.declarationId());
    }

    @EventHandler
    void on(HeldDeclarationsReleased e) {
        for (DeclarationRelease release : e.releases()) {
            writes.write(CHANGE, release.amount().cents(), -release.amount().cents(), e.ceilingId(),
                    release.declarationId());
        }
    }

    private static final String CHANGE = "UPDATE declaration_line SET payable_cents = payable_cents + ?, "
            + "held_cents = held_cents + ? WHERE ceiling_id = ? AND declaration_id = ?";
}
