package nl.ggz.contracts.api.config;

import nl.ggz.contracts.api.settings.GgzProperties;
import nl.ggz.contracts.eventstore.AuditProperties;
import nl.ggz.contracts.eventstore.checkpoint.AuditSigningKey;
import nl.ggz.contracts.eventstore.checkpoint.SigningKeyFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.nio.file.Path;

/**
 * Where the installation's checkpoint signing key lives: {@code ggz.audit.signing-key} (a PKCS#8 PEM; the key is then
 * never made here, a missing file stops the start), or else {@code audit-signing-key.pem} next to the embedded
 * database's data folder ({@code data/} by default), made on the first start. Both are outside git ({@code data/} is
 * ignored). With a database server of one's own or several nodes, set the property: every node must sign with the same
 * key, kept where the database superuser cannot reach it.
 */
@Configuration(proxyBeanMethods = false)
public class AuditSigningKeyConfiguration {

    static final String DEFAULT_FILE = "audit-signing-key.pem";

    private static final Logger log = LoggerFactory.getLogger(AuditSigningKeyConfiguration.class);

    @Bean
    AuditSigningKey auditSigningKey(AuditProperties audit, GgzProperties settings) {
        String configured = audit.signingKey();
        AuditSigningKey key;
        if (configured != null && !configured.isBlank()) {
            key = AuditSigningKey.of(SigningKeyFile.load(Path.of(configured)));
            log.info("audit checkpoints are signed with key {} from {}", key.keyId(), configured);
        } else {
            Path file = Path.of(settings.embeddedPostgres().dataDirectory()).toAbsolutePath().getParent()
                    .resolve(DEFAULT_FILE);
            key = AuditSigningKey.of(SigningKeyFile.loadOrGenerate(file));
            log.info("audit checkpoints are signed with key {} from {}", key.keyId(), file);
        }
        return key;
    }
}
