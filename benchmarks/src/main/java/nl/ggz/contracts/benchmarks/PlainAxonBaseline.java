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

    private static final Duration CATCH_UP_LIMIT = Duration.ofMinutes(3);

    public record Outcome(long commands, Duration elapsed, int threads, int aggregates, String processor,
                          Duration projectionCatchUp, long projected, Duration projectionTotal) {
        public boolean caughtUp() {
            return projected >= commands;
        }

        public double perSecond() {
            return Format.perSecond(commands, elapsed);
        }

        public double projectionPerSecond() {
            return Format.perSecond(commands, projectionTotal);
        }
    }

    private PlainAxonBaseline() {
    }

    /** Each client sends until {@code duration} has passed; the rate counts declaration commands only. */
    public static Outcome run(DataSource dataSource, int threads, Duration duration, int eventsPerAggregate,
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
            List<Future<int[]>> clients = new ArrayList<>();
            long start = System.nanoTime();
            long deadline = start + duration.toNanos();
            for (int t = 0; t < threads; t++) {
                int client = t;
                clients.add(pool.submit(() -> send(gateway, client, deadline, eventsPerAggregate, samples)));
            }
            int aggregates = 0;
            int commands = 0;
            for (Future<int[]> client : clients) {
                int[] sent = client.get();
                commands += sent[0];
                aggregates += sent[1];
            }
            long lastAck = System.nanoTime();
            Duration elapsed = Duration.ofNanos(lastAck - start);
            long projected = awaitProjection(dataSource, commands);
            long end = System.nanoTime();
            return new Outcome(commands, elapsed, threads, aggregates, processor,
                    Duration.ofNanos(end - lastAck), projected, Duration.ofNanos(end - start));
        } finally {
            pool.shutdownNow();
            axon.shutdown();
        }
    }

    /** Sends declarations, one command each, until the deadline; returns {declarations, aggregates opened}. */
    private static int[] send(CommandGateway gateway, int client, long deadline, int eventsPerAggregate,
                              DeclarationSamples samples) {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String ceilingId = null;
        int aggregates = 0;
        int k = 0;
        for (; System.nanoTime() - deadline < 0; k++) {
            if (k % eventsPerAggregate == 0) {
                // a fresh aggregate keeps the replay per command as short as the application's snapshot interval
                ceilingId = "baseline-" + run + "-" + client + "-" + aggregates++;
                gateway.sendAndWait(new OpenBaselineCeiling(ceilingId), metaData());
            }
            DeclarationSamples.Sample s = samples.line((long) client * 1_000_000 + k);
            gateway.sendAndWait(new RecordBaselineDeclaration(ceilingId, "BL-" + run + "-" + client + "-" + k,
                    s.prestatieCode(), s.setting(), s.treatmentDate(), s.patientRef(), s.amountCents()), metaData());
        }
        return new int[]{k, aggregates};
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

    /** How many declarations the read model holds when it has them all, or when the limit has passed. */
    private static long awaitProjection(DataSource dataSource, long expected) throws Exception {
        long deadline = System.nanoTime() + CATCH_UP_LIMIT.toNanos();
        long projected = projected(dataSource);
        while (projected < expected && System.nanoTime() - deadline < 0) {
            Thread.sleep(20);
            projected = projected(dataSource);
        }
        return projected;
    }

    private static long projected(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT count(*) FROM baseline_declaration")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
