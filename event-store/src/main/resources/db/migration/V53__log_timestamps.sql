-- RFC 3161 timestamps of the verifiable log's heads (issue 18): when a TSA is configured (ggz.audit.log.timestamp.url)
-- the installation asks it, now and then, to timestamp the current head of each log that grew — the SHA-256 of the
-- checkpoint's note body (origin, size, root) — and keeps the TSA's reply (a TimeStampResp, DER) as received, so that
-- a reader can show that the head existed at the TSA's genTime. `log` names the log as audit_log_leaf does.
CREATE TABLE audit_log_timestamp (
    log       TEXT        NOT NULL,
    tree_size BIGINT      NOT NULL,
    root      BYTEA       NOT NULL,
    reply     BYTEA       NOT NULL,
    gen_time  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (log, tree_size)
);

-- evidence stays: the same refusal as the events (V6)
CREATE TRIGGER audit_log_timestamp_append_only BEFORE UPDATE OR DELETE ON audit_log_timestamp
    FOR EACH ROW EXECUTE FUNCTION refuse_event_store_change();
CREATE TRIGGER audit_log_timestamp_no_truncate BEFORE TRUNCATE ON audit_log_timestamp
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_event_store_change();
