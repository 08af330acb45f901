package nl.ggz.contracts.benchmarks;

import nl.ggz.contracts.benchmarks.ceiling.AppEventStore;
import nl.ggz.contracts.benchmarks.ceiling.HandlerParameterStubs;
import nl.ggz.contracts.domain.ceiling.CeilingAgreement;
import nl.ggz.contracts.domain.ceiling.CeilingBalance;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.GenericAggregateFactory;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.messaging.annotation.ClasspathParameterResolverFactory;
import org.axonframework.messaging.annotation.MultiParameterResolverFactory;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.inspection.AggregateModel;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Measurement 5: loading the real CeilingAgreement with a long history (written by the application through its API,
 * snapshots included) the way the application's repository loads it on a cache miss — no cache here, so every load
 * reads the store. With snapshots: the latest snapshot and the events after it; without: the whole stream. Each load
 * is checked against the totals the load client got accepted.
 */
public final class CeilingLoadBenchmark {

    private static final int WARM_UP = 2;

    public record Outcome(long events, long eventsAfterSnapshot, Latencies withSnapshots, Latencies replay,
                          long declaredCents) {
    }

    private CeilingLoadBenchmark() {
    }

    public static Outcome run(DataSource appDatabase, String ceilingId, long expectedDeclaredCents, int loads,
                              int replays) throws SQLException {
        AggregateModel<CeilingAgreement> model = AnnotatedAggregateMetaModelFactory.inspectAggregate(
                CeilingAgreement.class, MultiParameterResolverFactory.ordered(
                        ClasspathParameterResolverFactory.forClass(CeilingAgreement.class),
                        new HandlerParameterStubs()));
        long events = single(appDatabase, "SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ?",
                ceilingId);
        long lastSequence = single(appDatabase,
                "SELECT coalesce(max(sequencenumber), -1) FROM domainevententry WHERE aggregateidentifier = ?", ceilingId);
        long snapshotSequence = single(appDatabase,
                "SELECT coalesce(max(sequencenumber), -1) FROM snapshotevententry WHERE aggregateidentifier = ?",
                ceilingId);

        Latencies withSnapshots = measure(appDatabase, true, model, ceilingId, expectedDeclaredCents, WARM_UP, loads);
        Latencies replay = measure(appDatabase, false, model, ceilingId, expectedDeclaredCents, 0, replays);
        return new Outcome(events, lastSequence - snapshotSequence, withSnapshots, replay, expectedDeclaredCents);
    }

    private static Latencies measure(DataSource dataSource, boolean snapshots, AggregateModel<CeilingAgreement> model,
                                     String ceilingId, long expectedDeclaredCents, int warmUp, int count) {
        EmbeddedEventStore store = AppEventStore.open(dataSource, snapshots);
        try {
            EventSourcingRepository<CeilingAgreement> repository = EventSourcingRepository
                    .builder(CeilingAgreement.class)
                    .aggregateModel(model)
                    .aggregateFactory(new GenericAggregateFactory<>(model))
                    .eventStore(store)
                    .build();
            Latencies latencies = new Latencies();
            for (int i = 0; i < warmUp + count; i++) {
                long start = System.nanoTime();
                CeilingBalance balance = load(repository, ceilingId);
                long took = System.nanoTime() - start;
                if (balance.declared().cents() != expectedDeclaredCents) {
                    throw new IllegalStateException("loaded " + ceilingId + (snapshots ? " with" : " without")
                            + " snapshots: declared " + balance.declared().cents() + " cents, expected "
                            + expectedDeclaredCents);
                }
                if (i >= warmUp) {
                    latencies.record(took);
                }
            }
            return latencies;
        } finally {
            store.shutDown();
        }
    }

    /** One load as the application's command handling does it: inside a unit of work, rolled back after. */
    private static CeilingBalance load(EventSourcingRepository<CeilingAgreement> repository, String ceilingId) {
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        try {
            Aggregate<CeilingAgreement> aggregate = repository.load(ceilingId);
            return aggregate.invoke(CeilingAgreement::balance);
        } finally {
            unitOfWork.rollback();
        }
    }

    private static long single(DataSource dataSource, String sql, String parameter) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, parameter);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
