package nl.ggz.contracts.projections.history;

import nl.ggz.contracts.domain.ceiling.DeclarationCredited;
import nl.ggz.contracts.domain.ceiling.DeclarationRecorded;
import nl.ggz.contracts.eventstore.EventHistory;
import nl.ggz.contracts.projections.ceiling.CeilingQueries;
import nl.ggz.contracts.projections.ceiling.CeilingStateProjection;
import nl.ggz.contracts.projections.ceiling.CeilingView;
import nl.ggz.contracts.projections.ceiling.FindCeiling;
import nl.ggz.contracts.projections.contract.ContractQueries;
import nl.ggz.contracts.projections.contract.ContractStateProjection;
import nl.ggz.contracts.projections.contract.ContractView;
import nl.ggz.contracts.projections.contract.FindContract;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationUtils;
import org.springframework.transaction.support.TransactionTemplate;

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

    /** A contract's view shows its ceilings' amounts but no declared totals: declarations need not be replayed. */
    private static final List<String> DECLARATION_TYPES = List.of(DeclarationRecorded.class.getName(),
            DeclarationCredited.class.getName());

    /** Every table the two projections write or their query handlers read: they say which. */
    private final List<String> shadowed;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final EventHistory history;
    private final ContractQueries contracts;
    private final CeilingQueries ceilings;
    private final List<AnnotationEventHandlerAdapter> handlers;

    public PointInTime(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, EventHistory history,
                       ContractStateProjection contractState, CeilingStateProjection ceilingState,
                       ContractQueries contracts, CeilingQueries ceilings) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.history = history;
        this.contracts = contracts;
        this.ceilings = ceilings;
        this.handlers = List.of(new AnnotationEventHandlerAdapter(contractState),
                new AnnotationEventHandlerAdapter(ceilingState));
        this.shadowed = Stream.concat(contractState.tables().stream(), ceilingState.tables().stream()).toList();
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
            for (String table : shadowed) {
                jdbc.execute("CREATE TEMP TABLE " + table + " (LIKE public." + table + " INCLUDING ALL) ON COMMIT DROP");
            }
            jdbc.execute("SET TRANSACTION READ ONLY");
            history.replay(aggregates, skippedTypes, asOf, event -> {
                for (AnnotationEventHandlerAdapter handler : handlers) {
                    if (handler.canHandle(event)) {
                        handle(handler, event);
                    }
                }
            });
            TransactionSynchronizationUtils.triggerFlush();
            return view.get();
        });
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
}
