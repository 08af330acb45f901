package nl.ggz.contracts.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The one PostgreSQL server every measurement runs against, with the application's own server settings
 * (EmbeddedPostgresConfiguration), and a database per measurement so that none reads another's tables.
 */
public final class BenchmarkDatabase implements AutoCloseable {

    public static final String RAW = "raw";
    public static final String BASELINE = "baseline";
    public static final String APP = "app";

    private final EmbeddedPostgres postgres;
    private final List<HikariDataSource> pools = new ArrayList<>();

    private BenchmarkDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    public static BenchmarkDatabase start(Path dataDirectory) throws IOException, SQLException {
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                // the run deletes its whole temporary directory itself, after the server has stopped
                .setCleanDataDirectory(false)
                // zonky's default is synchronous_commit=off: measure the durable server the application runs on
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("fsync", "on")
                .setServerConfig("plan_cache_mode", "force_custom_plan")
                .setServerConfig("max_connections", "100")
                .start();
        BenchmarkDatabase database = new BenchmarkDatabase(postgres);
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            for (String name : List.of(RAW, BASELINE, APP)) {
                statement.execute("CREATE DATABASE " + name);
            }
        }
        return database;
    }

    public int port() {
        return postgres.getPort();
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port() + "/" + database;
    }

    /** A pool the caller does not close: all pools close with the server. */
    public HikariDataSource dataSource(String database, int poolSize, String urlOptions) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl(database) + (urlOptions.isEmpty() ? "" : "?" + urlOptions));
        config.setUsername("postgres");
        config.setMaximumPoolSize(poolSize);
        config.setPoolName("bench-" + database + "-" + pools.size());
        HikariDataSource pool = new HikariDataSource(config);
        synchronized (pools) {
            pools.add(pool);
        }
        return pool;
    }

    public String version() throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SHOW server_version")) {
            rs.next();
            return "PostgreSQL " + rs.getString(1);
        }
    }

    /** Starts the next measurement with clean shared buffers and WAL: no checkpoint left over from the last one. */
    public void checkpoint() throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("CHECKPOINT");
        }
    }

    /** The settings as the server reports them, to show the run used the application's. */
    public String settings() throws SQLException {
        StringBuilder text = new StringBuilder();
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            for (String name : List.of("synchronous_commit", "fsync", "plan_cache_mode", "max_connections",
                    "shared_buffers")) {
                try (ResultSet rs = statement.executeQuery("SHOW " + name)) {
                    rs.next();
                    text.append(text.length() == 0 ? "" : ", ").append(name).append('=').append(rs.getString(1));
                }
            }
        }
        return text.toString();
    }

    @Override
    public void close() throws IOException {
        synchronized (pools) {
            pools.forEach(HikariDataSource::close);
            pools.clear();
        }
        postgres.close();
    }
}
