package nl.ggz.contracts.api.audit;

import nl.ggz.contracts.domain.ceiling.DeclarationCredited;
import nl.ggz.contracts.domain.ceiling.DeclarationRecorded;
import nl.ggz.contracts.projections.ceiling.CeilingStateProjection;
import nl.ggz.contracts.projections.ceiling.CeilingView;
import nl.ggz.contracts.projections.ceiling.FindCeiling;
import nl.ggz.contracts.projections.contract.ContractStateProjection;
import nl.ggz.contracts.projections.contract.ContractView;
import nl.ggz.contracts.projections.contract.FindContract;
import nl.ggz.contracts.projections.support.SqlArrays;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationUtils;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Contracts and ceilings as they were at an instant, rebuilt from the events stored up to it (event timestamp at or
 * before the instant) by the very projection code that keeps the current state, so that "then" and "now" can never be
 * computed by two different rules.
 * <p>
 * How: in one transaction that is always rolled back, temporary tables shadow the read-model tables of the contract
 * and ceiling projections ({@code pg_temp} comes first on PostgreSQL's search path, so the projections' unqualified
 * table names resolve to them); the aggregate's events are replayed through the projection beans, the writes they
 * hold back until commit are flushed, and the projection's own query handler reads the result. The transaction is set
 * read-only once the temporary tables exist: PostgreSQL still lets it write those, and refuses any write that would
 * reach a real table.
 * <p>
 * A statement the JDBC driver has prepared on the server keeps the table it was first analysed against: PostgreSQL
 * analyses it again when the search path changes (as it does when the session's temporary schema comes into being in
 * this transaction, and again when the rollback takes it away), but not merely because a table of the same name
 * appeared earlier on the path (see PREPARE in its manual). Not to depend on the first, the transaction starts with
 * {@code DEALLOCATE ALL}, which the driver notices (it prepares its statements afresh); the statements prepared against
 * the temporary tables are analysed again against the real ones once the rollback drops them.
 */
@Component
public class PointInTime {

    /** Every table the two projections write or their query handlers read. */
    private static final List<String> SHADOWED = List.of("contract_state", "patient_stop", "ceiling_state",
            "ceiling_threshold", "increase_request", "addendum", "claw_back");

    /** A contract's view shows its ceilings' amounts but no declared totals: declarations need not be replayed. */
    private static final List<String> DECLARATION_TYPES = List.of(DeclarationRecorded.class.getName(),
            DeclarationCredited.class.getName());

    private final JdbcTemplate jdbc;
    private final JdbcTemplate cursor;
    private final TransactionTemplate transactions;
    private final Serializer eventSerializer;
    private final EventUpcaster upcasters;
    private final ContractStateProjection contracts;
    private final CeilingStateProjection ceilings;
    private final List<AnnotationEventHandlerAdapter> handlers;

    public PointInTime(DataSource dataSource, JdbcTemplate jdbc, PlatformTransactionManager transactionManager,
                       @Qualifier("eventSerializer") Serializer eventSerializer,
                       org.axonframework.config.Configuration axon,
                       ContractStateProjection contracts, CeilingStateProjection ceilings) {
        this.jdbc = jdbc;
        this.cursor = new JdbcTemplate(dataSource);
        this.cursor.setFetchSize(AuditEventReader.FETCH_SIZE);
        this.transactions = new TransactionTemplate(transactionManager);
        this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.eventSerializer = eventSerializer;
        this.upcasters = axon.upcasterChain();
        this.contracts = contracts;
        this.ceilings = ceilings;
        this.handlers = List.of(new AnnotationEventHandlerAdapter(contracts), new AnnotationEventHandlerAdapter(ceilings));
    }

    /** Empty when the contract did not exist yet at that instant (or does not exist at all). */
    public Optional<ContractView> contract(FindContractAsOf query) {
        List<String> aggregates = new ArrayList<>();
        aggregates.add(query.contractId());
        aggregates.addAll(jdbc.queryForList("SELECT ceiling_id FROM ceiling_state WHERE contract_id = ?",
                String.class, query.contractId()));
        return replayed(aggregates, DECLARATION_TYPES, query.asOf(),
                () -> contracts.find(new FindContract(query.contractId())));
    }

    /** Empty when the ceiling was not agreed yet at that instant (or does not exist at all). */
    public Optional<CeilingView> ceiling(FindCeilingAsOf query) {
        List<String> contract = jdbc.queryForList("SELECT contract_id FROM ceiling_state WHERE ceiling_id = ?",
                String.class, query.ceilingId());
        if (contract.isEmpty()) {
            return Optional.empty();
        }
        // the contract's events too: a ceiling's view may come to show what its contract says
        return replayed(List.of(contract.get(0), query.ceilingId()), List.of(), query.asOf(),
                () -> ceilings.find(new FindCeiling(query.ceilingId())));
    }

    private <T> Optional<T> replayed(List<String> aggregates, List<String> skippedTypes, Instant asOf,
                                     Supplier<Optional<T>> view) {
        return transactions.execute(status -> {
            status.setRollbackOnly();
            jdbc.execute("DEALLOCATE ALL");
            for (String table : SHADOWED) {
                jdbc.execute("CREATE TEMP TABLE " + table + " (LIKE public." + table + " INCLUDING ALL) ON COMMIT DROP");
            }
            jdbc.execute("SET TRANSACTION READ ONLY");
            replay(aggregates, skippedTypes, EventTimestamps.atOrBefore(asOf));
            TransactionSynchronizationUtils.triggerFlush();
            return view.get();
        });
    }

    /** The aggregates' events in the order they were stored, upcast and deserialised as Axon would, one at a time. */
    private void replay(List<String> aggregates, List<String> skippedTypes, String asOf) {
        try (Stream<GenericDomainEventEntry<byte[]>> rows = cursor.queryForStream("""
                        SELECT type, aggregateidentifier, sequencenumber, eventidentifier, timestamp, payloadtype,
                            payloadrevision, payload, metadata
                        FROM domainevententry
                        WHERE aggregateidentifier = ANY (?::text[]) AND timestamp COLLATE "C" <= ?
                          AND NOT payloadtype = ANY (?::text[])
                        ORDER BY globalindex
                        """,
                (rs, i) -> new GenericDomainEventEntry<>(rs.getString(1), rs.getString(2), rs.getLong(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getBytes(8),
                        rs.getBytes(9)),
                textArray(aggregates), asOf, textArray(skippedTypes))) {
            DomainEventStream events = EventStreamUtils.upcastAndDeserializeDomainEvents(rows, eventSerializer,
                    upcasters);
            while (events.hasNext()) {
                DomainEventMessage<?> event = events.next();
                for (AnnotationEventHandlerAdapter handler : handlers) {
                    if (handler.canHandle(event)) {
                        handle(handler, event);
                    }
                }
            }
        }
    }

    private static void handle(AnnotationEventHandlerAdapter handler, DomainEventMessage<?> event) {
        try {
            handler.handle(event);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("could not replay event " + event.getIdentifier(), e);
        }
    }

    private static String textArray(List<String> values) {
        return SqlArrays.texts(values);
    }
}
