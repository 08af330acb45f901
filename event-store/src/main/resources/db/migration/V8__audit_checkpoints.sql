-- Signed checkpoints (issue 6): at intervals the installation signs the state of every hash chain up to a global
-- position — the number of events and streams and a Merkle root over the stream heads (nl.ggz.contracts.audit.
-- MerkleRoot, Checkpoint) — with its Ed25519 key. A checkpoint shows later that no chain was rewritten and nothing was
-- cut off before it, so the record of checkpoints is itself append-only, by the same trigger function as the events.
CREATE TABLE audit_checkpoint (
    id             BIGSERIAL   NOT NULL PRIMARY KEY,
    created_at     TIMESTAMPTZ NOT NULL,
    up_to_position BIGINT      NOT NULL,
    events         BIGINT      NOT NULL,
    streams        BIGINT      NOT NULL,
    merkle_root    BYTEA       NOT NULL,
    key_id         TEXT        NOT NULL,
    signature      BYTEA       NOT NULL
);

-- the scheduled checkpoint compares with the last one
CREATE INDEX audit_checkpoint_position ON audit_checkpoint (up_to_position);

CREATE TRIGGER audit_checkpoint_append_only
    BEFORE UPDATE OR DELETE ON audit_checkpoint
    FOR EACH ROW EXECUTE FUNCTION refuse_event_store_change();

CREATE TRIGGER audit_checkpoint_no_truncate
    BEFORE TRUNCATE ON audit_checkpoint
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_event_store_change();
