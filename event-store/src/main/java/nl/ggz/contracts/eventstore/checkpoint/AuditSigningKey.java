package nl.ggz.contracts.eventstore.checkpoint;

import nl.ggz.contracts.audit.Checkpoint;
import nl.ggz.contracts.audit.CheckpointSignature;

import java.security.KeyPair;

/**
 * The installation's Ed25519 key that signs checkpoints ({@link SigningKeyFile} loads or makes it). Only the public
 * half leaves the server: {@code GET /api/audit/public-key}, and its id in every checkpoint.
 */
public record AuditSigningKey(KeyPair keyPair, String keyId) {

    public static AuditSigningKey of(KeyPair keyPair) {
        return new AuditSigningKey(keyPair, CheckpointSignature.keyId(keyPair.getPublic()));
    }

    public Checkpoint sign(Checkpoint checkpoint) {
        return checkpoint.signedAs(keyId, CheckpointSignature.sign(checkpoint, keyPair.getPrivate()));
    }

    public String publicKeyPem() {
        return CheckpointSignature.publicKeyPem(keyPair.getPublic());
    }

    @Override
    public String toString() {
        // never the private key in a log line
        return "AuditSigningKey[" + keyId + "]";
    }
}
