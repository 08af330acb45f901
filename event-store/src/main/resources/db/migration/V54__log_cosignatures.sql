-- Witnesses' cosignatures of the verifiable log's heads (issue 18; C2SP tlog-cosignature, cosignature/v1 Ed25519):
-- a configured witness (ggz.audit.log.witnesses, e.g. the NZa) posts the checkpoint it cosigned; the line is kept only
-- once it verifies over a head this installation signed (same origin, size and root), and the checkpoint of that size
-- is served with it appended. One line per witness and head: the first one received.
CREATE TABLE audit_log_cosignature (
    log         TEXT        NOT NULL,
    tree_size   BIGINT      NOT NULL,
    root        BYTEA       NOT NULL,
    witness     TEXT        NOT NULL,
    signed_at   TIMESTAMPTZ NOT NULL,
    line        TEXT        NOT NULL,
    received_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (log, tree_size, witness)
);

CREATE TRIGGER audit_log_cosignature_append_only BEFORE UPDATE OR DELETE ON audit_log_cosignature
    FOR EACH ROW EXECUTE FUNCTION refuse_event_store_change();
CREATE TRIGGER audit_log_cosignature_no_truncate BEFORE TRUNCATE ON audit_log_cosignature
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_event_store_change();
