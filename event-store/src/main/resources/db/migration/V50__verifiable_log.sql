-- The verifiable log (issue 18): an append-only Merkle log (RFC 9162 §2.1) over every event in global order, and one
-- per insurer over the events of its contracts, ceilings, policies and patient erasures. `log` names the log:
-- 'global', or the insurer's UZOVI code. Leaf index 0, 1, 2, … without gaps; `position` is the event's global index
-- (the two differ where the sequence has gaps). leaf_hash = SHA-256(0x00 ‖ the event's chain hash).
CREATE TABLE audit_log_leaf (
    log        TEXT   NOT NULL,
    leaf_index BIGINT NOT NULL,
    position   BIGINT NOT NULL,
    leaf_hash  BYTEA  NOT NULL,
    PRIMARY KEY (log, leaf_index),
    UNIQUE (log, position)
);

-- The roots of complete aligned subtrees of 2^level leaves (from node_index * 2^level), kept at the even levels from 2
-- on (a third as many rows as leaves): any root or proof then reads O(log n) rows, never all leaves.
CREATE TABLE audit_log_node (
    log        TEXT    NOT NULL,
    level      INTEGER NOT NULL,
    node_index BIGINT  NOT NULL,
    hash       BYTEA   NOT NULL,
    PRIMARY KEY (log, level, node_index)
);

-- Which insurer a stream (aggregate) belongs to: the `insurer` of its first event (ContractOffered, CeilingAgreed,
-- PurchasingPolicyPublished, PatientDataErased); streams of no insurer have no row.
CREATE TABLE audit_log_stream (
    aggregate_id TEXT NOT NULL PRIMARY KEY,
    insurer      TEXT NOT NULL
);

-- How far each log reaches: its size, and for the global log the last position appended. The appender's own
-- bookkeeping (a cache of max(leaf_index) + 1), so it is the one table here that is updated.
CREATE TABLE audit_log_head (
    log           TEXT   NOT NULL PRIMARY KEY,
    size          BIGINT NOT NULL,
    last_position BIGINT NOT NULL
);

-- what is appended stays: the same refusal as the events (V6)
CREATE TRIGGER audit_log_leaf_append_only BEFORE UPDATE OR DELETE ON audit_log_leaf
    FOR EACH ROW EXECUTE FUNCTION refuse_event_store_change();
CREATE TRIGGER audit_log_leaf_no_truncate BEFORE TRUNCATE ON audit_log_leaf
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_event_store_change();
CREATE TRIGGER audit_log_node_append_only BEFORE UPDATE OR DELETE ON audit_log_node
    FOR EACH ROW EXECUTE FUNCTION refuse_event_store_change();
CREATE TRIGGER audit_log_node_no_truncate BEFORE TRUNCATE ON audit_log_node
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_event_store_change();
CREATE TRIGGER audit_log_stream_append_only BEFORE UPDATE OR DELETE ON audit_log_stream
    FOR EACH ROW EXECUTE FUNCTION refuse_event_store_change();
