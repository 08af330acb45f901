package nl.ggz.contracts.benchmarks;

import nl.ggz.contracts.benchmarks.baseline.BaselineCeiling;
import nl.ggz.contracts.benchmarks.baseline.BaselineProjection;
import nl.ggz.contracts.benchmarks.baseline.OpenBaselineCeiling;
import nl.ggz.contracts.benchmarks.baseline.RecordBaselineDeclaration;
import nl.ggz.contracts.benchmarks.baseline.ThreadBoundTransactions;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.PostgresTokenTableFactory;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.PostgresEventTableFactory;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.serialization.json.JacksonSerializer;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Measurement 2, the baseline: what plain Axon 4 does on the same server with one command per declaration —
 * DefaultConfigurer, the JDBC event store, Jackson, Axon's default repository (no cache, no snapshots) and Axon's
 * default processor (tracking, batch size 1) for a plain read model.
 */
public final class PlainAxonBaseline {

    private static final Duration CATCH_UP_LIMIT = Duration.ofMinutes(5);

    public record Outcome(long commands, Duration elapsed, int threads, int aggregates, String processor,
                          Duration projectionCatchUp, boolean caughtUp, Duration projectionTotal) {
        public double perSecond() {
            return Format.perSecond(commands, elapsed);
        }

        public double projectionPerSecond() {
            return Format.perSecond(commands, projectionTotal);
        }
    }

    private PlainAxonBaseline() {
    }

    public static Outcome run(DataSource dataSource, int threads, int commands, int eventsPerAggregate,
                              DeclarationSamples samples) throws Exception {
        ThreadBoundTransactions transactions = new ThreadBoundTransactions(dataSource);
        JacksonSerializer serializer = AxonObjectMapper.serializer();
        JdbcEventStorageEngine engine = JdbcEventStorageEngine.builder()
                .connectionProvider(transactions)
                .transactionManager(transactions)
                .eventSerializer(serializer)
                .snapshotSerializer(serializer)
                .dataType(byte[].class)
                .build();
        engine.createSchema(PostgresEventTableFactory.INSTANCE);
        JdbcTokenStore tokenStore = JdbcTokenStore.builder().connectionProvider(transactions).serializer(serializer)
                .build();
        tokenStore.createSchema(PostgresTokenTableFactory.INSTANCE);
        BaselineProjection.createTable(transactions);

        Configurer configurer = DefaultConfigurer.defaultConfiguration()
                .configureSerializer(c -> serializer)
                .configureEventSerializer(c -> serializer)
                .configureMessageSerializer(c -> serializer)
                .configureTransactionManager(c -> transactions)
                .configureEmbeddedEventStore(c -> engine)
                .configureAggregate(BaselineCeiling.class)
                .configureCorrelationDataProviders(c -> List.of(auditTrail()))
                .registerComponent(TokenStore.class, c -> tokenStore);
        configurer.eventProcessing().registerEventHandler(c -> new BaselineProjection(transactions));
        Configuration axon = configurer.start();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            String processor = axon.eventProcessingConfiguration().eventProcessors().values().stream()
                    .map(p -> p.getClass().getSimpleName()).distinct().reduce((a, b) -> a + ", " + b).orElse("none");
            CommandGateway gateway = axon.commandGateway();
            int perThread = commands / threads;
            List<Future<Integer>> clients = new ArrayList<>();
            long start = System.nanoTime();
            for (int t = 0; t < threads; t++) {
                int count = t == threads - 1 ? commands - perThread * (threads - 1) : perThread;
                int client = t;
                clients.add(pool.submit(() -> send(gateway, client, count, eventsPerAggregate, samples)));
            }
            int aggregates = 0;
            for (Future<Integer> client : clients) {
                aggregates += client.get();
            }
            long lastAck = System.nanoTime();
            Duration elapsed = Duration.ofNanos(lastAck - start);
            boolean caughtUp = awaitProjection(dataSource, commands);
            long projected = System.nanoTime();
            return new Outcome(commands, elapsed, threads, aggregates, processor,
                    Duration.ofNanos(projected - lastAck), caughtUp, Duration.ofNanos(projected - start));
        } finally {
            pool.shutdownNow();
            axon.shutdown();
        }
    }

    /** Sends this client's declarations, one command each; returns how many aggregates it opened. */
    private static int send(CommandGateway gateway, int client, int count, int eventsPerAggregate,
                            DeclarationSamples samples) {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String ceilingId = null;
        int aggregates = 0;
        for (int k = 0; k < count; k++) {
            if (k % eventsPerAggregate == 0) {
                // a fresh aggregate keeps the replay per command as short as the application's snapshot interval
                ceilingId = "baseline-" + run + "-" + client + "-" + aggregates++;
                gateway.sendAndWait(new OpenBaselineCeiling(ceilingId), metaData());
            }
            DeclarationSamples.Sample s = samples.line((long) client * 1_000_000 + k);
            gateway.sendAndWait(new RecordBaselineDeclaration(ceilingId, "BL-" + run + "-" + client + "-" + k,
                    s.prestatieCode(), s.setting(), s.treatmentDate(), s.patientRef(), s.amountCents()), metaData());
        }
        return aggregates;
    }

    private static MetaData metaData() {
        return MetaData.with("principal", "claims-system").and("role", "CLAIMS")
                .and("sourceSystem", "declaratiesysteem").and("correlationId", UUID.randomUUID().toString());
    }

    /** The same audit metadata on every event as the application records (principal … causationId). */
    private static CorrelationDataProvider auditTrail() {
        return message -> {
            Map<String, Object> data = new HashMap<>();
            for (String key : List.of("principal", "role", "sourceSystem")) {
                Object value = message.getMetaData().get(key);
                if (value != null) {
                    data.put(key, value);
                }
            }
            Object correlation = message.getMetaData().get("correlationId");
            data.put("correlationId", correlation != null ? correlation : message.getIdentifier());
            data.put("causationId", message.getIdentifier());
            return data;
        };
    }

    private static boolean awaitProjection(DataSource dataSource, long expected) throws Exception {
        long deadline = System.nanoTime() + CATCH_UP_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (projected(dataSource) >= expected) {
                return true;
            }
            Thread.sleep(20);
        }
        return false;
    }

    private static long projected(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT count(*) FROM baseline_declaration")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
