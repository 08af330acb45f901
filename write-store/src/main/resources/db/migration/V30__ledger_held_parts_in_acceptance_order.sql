-- Issue 17: per declaration, its part held unpaid above the ceiling, and its place in acceptance order, so that a raise
-- (or a credit or claw-back that frees room) releases the oldest held amounts with one keyset read of a partial index,
-- never loading the ceiling's declarations. New rows draw their order from the sequence as they are inserted, in the
-- transaction of their event: within a ceiling (one aggregate, written one transaction at a time) that is event order.
CREATE SEQUENCE declaration_ledger_order;
ALTER TABLE declaration_ledger ADD COLUMN accepted_order BIGINT;
ALTER TABLE declaration_ledger ADD COLUMN held_cents BIGINT NOT NULL DEFAULT 0;

-- Rows stored so far take the global position of the event that accepted them.
UPDATE declaration_ledger l SET accepted_order = e.globalindex
FROM domainevententry e
WHERE e.payloadtype = 'nl.ggz.contracts.domain.ceiling.DeclarationRecorded'
  AND e.aggregateidentifier = l.ceiling_id
  AND convert_from(e.payload, 'UTF8')::jsonb ->> 'declarationId' = l.declaration_id;
UPDATE declaration_ledger SET accepted_order = nextval('declaration_ledger_order') WHERE accepted_order IS NULL;
SELECT setval('declaration_ledger_order', GREATEST((SELECT max(accepted_order) FROM declaration_ledger), 1));
ALTER TABLE declaration_ledger ALTER COLUMN accepted_order SET DEFAULT nextval('declaration_ledger_order');
ALTER TABLE declaration_ledger ALTER COLUMN accepted_order SET NOT NULL;

-- What is held so far, by the rule every change keeps (seed 001: declared above the ceiling is held, a raise pays the
-- oldest first; a credit or claw-back takes a declaration's own held part first and frees room for the oldest): of
-- what is left of the ceiling's declarations in acceptance order, the part above the ceiling is held.
WITH line AS (
    SELECT l.insurer_uzovi, l.declaration_id, l.amount_cents - l.credited_cents - l.clawed_back_cents AS remaining,
           sum(l.amount_cents - l.credited_cents - l.clawed_back_cents)
               OVER (PARTITION BY l.ceiling_id ORDER BY l.accepted_order ROWS UNBOUNDED PRECEDING) AS running,
           c.ceiling_cents
    FROM declaration_ledger l JOIN ceiling_state c ON c.ceiling_id = l.ceiling_id
    WHERE l.corrects_id IS NULL)
UPDATE declaration_ledger d SET held_cents = LEAST(line.remaining, line.running - line.ceiling_cents)
FROM line
WHERE d.insurer_uzovi = line.insurer_uzovi AND d.declaration_id = line.declaration_id
  AND line.running > line.ceiling_cents AND line.remaining > 0;

CREATE INDEX declaration_ledger_held ON declaration_ledger (ceiling_id, accepted_order) INCLUDE (held_cents)
    WHERE held_cents > 0;
