package nl.ggz.contracts.api.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The embedded default: a real PostgreSQL started by the application when no {@code spring.datasource.url} is set.
 *
 * @param dataDirectory where the database files live; kept between runs so that a restart keeps the state
 * @param port          0 picks a free port
 */
@ConfigurationProperties(prefix = "ggz.embedded-postgres")
public record EmbeddedPostgresProperties(String dataDirectory, int port) {

    public EmbeddedPostgresProperties {
        if (dataDirectory == null || dataDirectory.isBlank()) {
            dataDirectory = "data/postgres";
        }
    }
}
