package nl.ggz.contracts.projections.timeline;

import nl.ggz.contracts.jdbc.TableOwner;
import nl.ggz.contracts.domain.ceiling.CeilingIds;
import nl.ggz.contracts.domain.ceiling.DeclarationCredited;
import nl.ggz.contracts.domain.ceiling.DeclarationRecorded;
import nl.ggz.contracts.domain.shared.DomainTime;
import nl.ggz.contracts.domain.shared.Money;
import nl.ggz.contracts.jdbc.CommitBatch;
import nl.ggz.contracts.jdbc.SqlTime;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static nl.ggz.contracts.jdbc.SqlTime.ts;

/**
 * A contract's history in words, across the contract and its ceilings. Built by a streaming processor: it may lag
 * the write by a moment. Declarations are summarised per ceiling and day, not listed one by one.
 */
@Component
@ProcessingGroup(TimelineProjection.PROCESSING_GROUP)
public class TimelineProjection implements TableOwner {

    public static final String PROCESSING_GROUP = "timeline";

    @Override
    public List<String> tables() {
        return List.of("timeline_entry", "timeline_declaration_day");
    }

    private final JdbcTemplate jdbc;
    private final CommitBatch days;

    public TimelineProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.days = new CommitBatch(jdbc);
    }

    @EventHandler
    void on(DeclarationRecorded e, @Timestamp Instant at, TrackingToken token) {
        countDeclarations(e.ceilingId(), at, token, 1, 0, e.amount());
    }

    @EventHandler
    void on(DeclarationCredited e, @Timestamp Instant at, TrackingToken token) {
        countDeclarations(e.ceilingId(), at, token, 0, 1, e.amount().negate());
    }

    /** Added up per batch of events and written once per ceiling and day (see {@link CommitBatch}). */
    private void countDeclarations(String ceilingId, Instant at, TrackingToken token, int declarations, int credits,
                                   Money amount) {
        LocalDate receivedOn = DomainTime.dateOf(at);
        days.merge(ADD_TO_DAY, new DayKey(ceilingId, receivedOn), new DayTotal(ceilingId, receivedOn, position(token),
                at, at, declarations, credits, amount.cents()));
    }

    private static final String ADD_TO_DAY = """
            INSERT INTO timeline_declaration_day (contract_id, ceiling_id, received_on, first_position, first_at,
                last_at, declarations, credits, declared_cents)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (ceiling_id, received_on) DO UPDATE SET
                last_at = GREATEST(timeline_declaration_day.last_at, EXCLUDED.last_at),
                declarations = timeline_declaration_day.declarations + EXCLUDED.declarations,
                credits = timeline_declaration_day.credits + EXCLUDED.credits,
                declared_cents = timeline_declaration_day.declared_cents + EXCLUDED.declared_cents
            """;

    private record DayKey(String ceilingId, LocalDate receivedOn) {
    }

    private record DayTotal(String ceilingId, LocalDate receivedOn, long firstPosition, Instant firstAt,
                            Instant lastAt, long declarations, long credits, long cents)
            implements CommitBatch.Row<DayTotal> {
        @Override
        public DayTotal plus(DayTotal o) {
            boolean earlier = firstPosition <= o.firstPosition;
            return new DayTotal(ceilingId, receivedOn, earlier ? firstPosition : o.firstPosition,
                    earlier ? firstAt : o.firstAt, lastAt.isAfter(o.lastAt) ? lastAt : o.lastAt,
                    declarations + o.declarations, credits + o.credits, cents + o.cents);
        }

        @Override
        public Object[] parameters() {
            return new Object[]{CeilingIds.contractIdOf(ceilingId), ceilingId, SqlTime.date(receivedOn), firstPosition,
                    ts(firstAt), ts(lastAt), declarations, credits, cents};
        }
    }

    @EventHandler
    void on(Object payload, EventMessage<?> message, TrackingToken token,
            @MetaDataValue("principal") String principal) {
        TimelineDescriptions.describe(payload).ifPresent(line -> jdbc.update("""
                INSERT INTO timeline_entry (event_id, contract_id, ceiling_id, position, occurred_at, event_type,
                    description, actor, amount_cents)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (event_id) DO NOTHING
                """,
                message.getIdentifier(), line.contractId(), line.ceilingId(), position(token),
                ts(message.getTimestamp()), payload.getClass().getSimpleName(), line.text(), principal,
                line.amount() == null ? null : line.amount().cents()));
    }

    /**
     * A rebuild starts from nothing: runs in the transaction that resets the tokens, so a reader sees either the old
     * timeline or an empty one that fills up, never a mix of both.
     */
    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM timeline_declaration_day");
        jdbc.update("DELETE FROM timeline_entry");
    }

    private static long position(TrackingToken token) {
        return token == null ? 0 : token.position().orElse(0);
    }

}
