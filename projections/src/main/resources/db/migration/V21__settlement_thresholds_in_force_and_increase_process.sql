-- Issue 15: the year's money from start to settlement, on the read side.
--  * settlement: the final figures of the year (CeilingSettled) and the recoveries (claw-backs) after it;
--  * claw-backs reclaim what was paid: the part that only took away amounts held unpaid above the ceiling is
--    withdrawn, never clawed back (claw-backs stored before were reclaimed in full, as answered then: EventUpcasters);
--  * thresholds of the ceiling in force: a raise clears the marks the raised ceiling no longer reaches, and they can
--    be reached again; the history keeps every crossing with the ceiling it was reached against;
--  * increase requests as a process: SUBMITTED (was REQUESTED), INFORMATION_REQUESTED (the decision clock stopped: no
--    due moment), COMPLETE; the criteria a request names, the questions and answers, the reasons of a rejection.
-- Flyway versions are shared by every module's migrations: issue 14 holds V11-V14, issue 15 V20 (write-store) and on.

-- The ceiling's state is written in the command's transaction and never rebuilt: its rows are brought along here.
ALTER TABLE ceiling_state
    ADD COLUMN withdrawn_unpaid_cents           BIGINT NOT NULL DEFAULT 0,
    ADD COLUMN settled_at                       TIMESTAMPTZ,
    ADD COLUMN settled_ceiling_cents            BIGINT,
    ADD COLUMN settled_declared_cents           BIGINT,
    ADD COLUMN settled_payable_cents            BIGINT,
    ADD COLUMN settled_unpaid_cents             BIGINT,
    ADD COLUMN settled_clawed_back_cents        BIGINT,
    ADD COLUMN settled_withdrawn_unpaid_cents   BIGINT,
    ADD COLUMN recovered_after_settlement_cents BIGINT NOT NULL DEFAULT 0;

-- Every crossing, with the ceiling it was reached against; a mark the raised ceiling no longer reaches is cleared
-- (by the addendum that raised it). A ceiling only rises, so a mark is reached once per ceiling amount.
ALTER TABLE ceiling_threshold
    ADD COLUMN cleared_at          TIMESTAMPTZ,
    ADD COLUMN cleared_by_addendum VARCHAR(64),
    DROP CONSTRAINT ceiling_threshold_pkey,
    ADD PRIMARY KEY (ceiling_id, percent, ceiling_cents);
CREATE UNIQUE INDEX ceiling_threshold_in_force ON ceiling_threshold (ceiling_id, percent) WHERE cleared_at IS NULL;

UPDATE increase_request SET status = 'SUBMITTED' WHERE status = 'REQUESTED';
ALTER TABLE increase_request
    ALTER COLUMN status TYPE VARCHAR(32),
    ALTER COLUMN decision_due_at DROP NOT NULL,
    ADD COLUMN criteria          TEXT[]      NOT NULL DEFAULT '{}',
    ADD COLUMN complete_at       TIMESTAMPTZ,
    ADD COLUMN rejection_reasons TEXT[]      NOT NULL DEFAULT '{}';
-- a request stored before counted as complete when it was submitted
UPDATE increase_request SET complete_at = requested_at;
ALTER TABLE increase_request ALTER COLUMN complete_at SET NOT NULL;

-- The purchaser's questions on a request and the provider's answers, one row per round.
CREATE TABLE increase_information (
    request_id   VARCHAR(64) NOT NULL,
    ceiling_id   VARCHAR(80) NOT NULL,
    asked_at     TIMESTAMPTZ NOT NULL,
    question     TEXT        NOT NULL,
    answered_at  TIMESTAMPTZ,
    answer       TEXT,
    PRIMARY KEY (request_id, asked_at)
);
CREATE INDEX increase_information_ceiling ON increase_information (ceiling_id);

ALTER TABLE claw_back
    ADD COLUMN reclaimed_cents        BIGINT,
    ADD COLUMN withdrawn_unpaid_cents BIGINT  NOT NULL DEFAULT 0,
    ADD COLUMN after_settlement       BOOLEAN NOT NULL DEFAULT FALSE;
UPDATE claw_back SET reclaimed_cents = amount_cents;
ALTER TABLE claw_back ALTER COLUMN reclaimed_cents SET NOT NULL;

-- Monitoring (streaming, rebuilt by a replay: the new columns fill from the events).
ALTER TABLE monitoring_ceiling
    ADD COLUMN withdrawn_unpaid_cents           BIGINT NOT NULL DEFAULT 0,
    ADD COLUMN settled_at                       TIMESTAMPTZ,
    ADD COLUMN recovered_after_settlement_cents BIGINT NOT NULL DEFAULT 0;
ALTER TABLE monitoring_day
    ADD COLUMN withdrawn_unpaid_cents BIGINT NOT NULL DEFAULT 0;
DROP INDEX monitoring_request_open;
UPDATE monitoring_request SET status = 'SUBMITTED' WHERE status = 'REQUESTED';
ALTER TABLE monitoring_request
    ALTER COLUMN status TYPE VARCHAR(32),
    ALTER COLUMN decision_due_at DROP NOT NULL,
    ADD COLUMN criteria TEXT[] NOT NULL DEFAULT '{}';
CREATE INDEX monitoring_request_open ON monitoring_request (status)
    WHERE status IN ('SUBMITTED', 'INFORMATION_REQUESTED', 'COMPLETE');

-- Reports (streaming, rebuildable). Lead times count from the moment the request was (last) complete (seed 001).
ALTER TABLE report_increase_request
    ADD COLUMN complete_at       TIMESTAMPTZ,
    ADD COLUMN rejection_reasons TEXT[] NOT NULL DEFAULT '{}';
UPDATE report_increase_request SET complete_at = requested_at;
ALTER TABLE report_increase_request ALTER COLUMN complete_at SET NOT NULL;

-- The ceilings of a year that were settled, with their final figures.
CREATE TABLE report_ceiling_settled (
    ceiling_id      VARCHAR(80) NOT NULL PRIMARY KEY,
    contract_id     VARCHAR(64) NOT NULL,
    contract_year   INTEGER     NOT NULL,
    settled_at      TIMESTAMPTZ NOT NULL,
    payable_cents   BIGINT      NOT NULL,
    unpaid_cents    BIGINT      NOT NULL
);
CREATE INDEX report_ceiling_settled_year ON report_ceiling_settled (contract_year);
