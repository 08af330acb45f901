-- The event store is the record: the database itself refuses to change or remove an event, whoever asks.
-- Snapshots are a cache and stay deletable. Only a superuser who disables the trigger can get past this, and
-- the tamper-evidence chain (issue 6) is there to show that it happened.
CREATE FUNCTION refuse_event_store_change() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'the event store is append-only: % on % is refused', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege';
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER domainevententry_append_only
    BEFORE UPDATE OR DELETE ON domainevententry
    FOR EACH ROW EXECUTE FUNCTION refuse_event_store_change();

CREATE TRIGGER domainevententry_no_truncate
    BEFORE TRUNCATE ON domainevententry
    FOR EACH STATEMENT EXECUTE FUNCTION refuse_event_store_change();
