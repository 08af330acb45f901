package nl.ggz.contracts.eventstore.log;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import java.util.List;

/**
 * The witnesses whose cosignatures of the log's heads are accepted, {@code ggz.audit.log.witnesses}: each a C2SP
 * signed-note verifier key of an Ed25519 cosignature/v1 key, {@code <name>+<key ID, 8 hex>+<base64(0x04 ‖ key)>}
 * (the regulator's witness gives it). The key ID is checked against the name and key when the application starts.
 *
 * @param witnesses the witnesses' vkeys; empty: no cosignatures are accepted
 */
@Validated
@ConfigurationProperties(prefix = "ggz.audit.log")
public record LogWitnessProperties(@NotNull List<@Pattern(regexp = "[^+\\s]{1,200}\\+[0-9a-f]{8}\\+[A-Za-z0-9+/]{44}",
        message = "must be a witness vkey: <name>+<key ID, 8 hex digits>+<base64 of 0x04 and the 32-byte Ed25519 key>")
        String> witnesses) {
}
