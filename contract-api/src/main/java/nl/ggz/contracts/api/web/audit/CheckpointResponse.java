package nl.ggz.contracts.api.web.audit;

import nl.ggz.contracts.audit.Checkpoint;

import java.util.Base64;

/**
 * A checkpoint as the verifier reads it ({@code CheckpointFile}): {@code createdAt} exactly as signed, the root in
 * lowercase hex, the signature in base64.
 */
public record CheckpointResponse(long id, String createdAt, long upToPosition, long events, long streams,
                                 String merkleRoot, String keyId, String signature) {

    static CheckpointResponse of(Checkpoint checkpoint) {
        return new CheckpointResponse(checkpoint.id(), checkpoint.createdAt().toString(), checkpoint.upToPosition(),
                checkpoint.events(), checkpoint.streams(), Hex.of(checkpoint.merkleRoot()), checkpoint.keyId(),
                Base64.getEncoder().encodeToString(checkpoint.signature()));
    }
}
