-- Read models. contract_state, ceiling_state, declaration_ledger and purchasing_policy are written in the same
-- transaction as their events (subscribing processors): what a 2xx answer changed is visible at once.

CREATE TABLE purchasing_policy (
    insurer_uzovi          CHAR(4)     NOT NULL,
    contract_year          INTEGER     NOT NULL,
    threshold_percents     INTEGER[]   NOT NULL,
    increase_cap_percent   INTEGER     NOT NULL,
    increase_window_start  TIMESTAMPTZ NOT NULL,
    increase_window_end    TIMESTAMPTZ NOT NULL,
    decision_period_days   INTEGER     NOT NULL,
    offer_validity_days    INTEGER     NOT NULL,
    term_years_independent INTEGER     NOT NULL,
    term_years_institution INTEGER     NOT NULL,
    term_years_hospital_ward INTEGER   NOT NULL,
    version                INTEGER     NOT NULL,
    PRIMARY KEY (insurer_uzovi, contract_year)
);

CREATE TABLE contract_state (
    contract_id              VARCHAR(64)  NOT NULL PRIMARY KEY,
    insurer_uzovi            CHAR(4)      NOT NULL,
    provider_agb             CHAR(8)      NOT NULL,
    provider_type            VARCHAR(16)  NOT NULL,
    kind                     VARCHAR(16)  NOT NULL,
    term_start               DATE         NOT NULL,
    term_end                 DATE         NOT NULL,
    settings                 INTEGER[]    NOT NULL,
    tariff_percentage        NUMERIC(5,2) NOT NULL,
    ceiling_cents            BIGINT       NOT NULL,
    status                   VARCHAR(16)  NOT NULL,
    offered_at               TIMESTAMPTZ  NOT NULL,
    offer_expires_at         TIMESTAMPTZ  NOT NULL,
    proposal_round           INTEGER      NOT NULL DEFAULT 0,
    last_proposed_by         VARCHAR(16),
    signed_at                TIMESTAMPTZ,
    signed_by                VARCHAR(255),
    closed_at                TIMESTAMPTZ,
    closing_reason           TEXT,
    excluded_settings        INTEGER[]    NOT NULL DEFAULT '{}',
    excluded_prestatie_codes TEXT[]       NOT NULL DEFAULT '{}',
    termination_effective_date DATE,
    end_date                 DATE
);
CREATE INDEX contract_state_insurer ON contract_state (insurer_uzovi, term_start);
CREATE INDEX contract_state_provider ON contract_state (provider_agb);

CREATE TABLE patient_stop (
    stop_id      VARCHAR(64) NOT NULL PRIMARY KEY,
    contract_id  VARCHAR(64) NOT NULL,
    reason       VARCHAR(32) NOT NULL,
    from_date    DATE        NOT NULL,
    to_date      DATE,
    announced_at TIMESTAMPTZ NOT NULL,
    lifted_at    TIMESTAMPTZ
);
CREATE INDEX patient_stop_contract ON patient_stop (contract_id);

CREATE TABLE ceiling_state (
    ceiling_id            VARCHAR(80) NOT NULL PRIMARY KEY,
    contract_id           VARCHAR(64) NOT NULL,
    insurer_uzovi         CHAR(4)     NOT NULL,
    provider_agb          CHAR(8)     NOT NULL,
    provider_type         VARCHAR(16) NOT NULL,
    kind                  VARCHAR(16) NOT NULL,
    contract_year         INTEGER     NOT NULL,
    initial_ceiling_cents BIGINT      NOT NULL,
    ceiling_cents         BIGINT      NOT NULL,
    declared_cents        BIGINT      NOT NULL DEFAULT 0,
    clawed_back_cents     BIGINT      NOT NULL DEFAULT 0,
    declarations          BIGINT      NOT NULL DEFAULT 0,
    credits               BIGINT      NOT NULL DEFAULT 0,
    exhausted_at          TIMESTAMPTZ,
    last_care_date        DATE        NOT NULL
);
CREATE INDEX ceiling_state_contract ON ceiling_state (contract_id);
CREATE INDEX ceiling_state_insurer ON ceiling_state (insurer_uzovi, contract_year);

CREATE TABLE ceiling_threshold (
    ceiling_id    VARCHAR(80) NOT NULL,
    percent       INTEGER     NOT NULL,
    reached_at    TIMESTAMPTZ NOT NULL,
    counted_cents BIGINT      NOT NULL,
    ceiling_cents BIGINT      NOT NULL,
    PRIMARY KEY (ceiling_id, percent)
);

CREATE TABLE increase_request (
    request_id      VARCHAR(64) NOT NULL PRIMARY KEY,
    ceiling_id      VARCHAR(80) NOT NULL,
    amount_cents    BIGINT      NOT NULL,
    grounds         TEXT        NOT NULL,
    status          VARCHAR(16) NOT NULL,
    requested_at    TIMESTAMPTZ NOT NULL,
    decision_due_at TIMESTAMPTZ NOT NULL,
    overdue         BOOLEAN     NOT NULL DEFAULT FALSE,
    decided_at      TIMESTAMPTZ,
    approved_cents  BIGINT,
    decision_grounds TEXT,
    addendum_id     VARCHAR(64)
);
CREATE INDEX increase_request_ceiling ON increase_request (ceiling_id);

CREATE TABLE addendum (
    addendum_id  VARCHAR(64) NOT NULL PRIMARY KEY,
    ceiling_id   VARCHAR(80) NOT NULL,
    request_id   VARCHAR(64) NOT NULL,
    amount_cents BIGINT      NOT NULL,
    offered_at   TIMESTAMPTZ NOT NULL,
    signed_at    TIMESTAMPTZ,
    signed_by    VARCHAR(255)
);
CREATE INDEX addendum_ceiling ON addendum (ceiling_id);

CREATE TABLE claw_back (
    claw_back_id    VARCHAR(64) NOT NULL PRIMARY KEY,
    ceiling_id      VARCHAR(80) NOT NULL,
    amount_cents    BIGINT      NOT NULL,
    reason          TEXT        NOT NULL,
    declaration_ids TEXT[]      NOT NULL,
    issued_at       TIMESTAMPTZ NOT NULL
);
CREATE INDEX claw_back_ceiling ON claw_back (ceiling_id);

-- One row per accepted declaration or credit: idempotency by primary key, and what is left of it after credits
-- and claw-backs.
CREATE TABLE declaration_ledger (
    declaration_id  VARCHAR(64) NOT NULL PRIMARY KEY,
    ceiling_id      VARCHAR(80) NOT NULL,
    insurer_uzovi   CHAR(4)     NOT NULL,
    contract_year   INTEGER     NOT NULL,
    patient_ref     VARCHAR(64),
    amount_cents    BIGINT      NOT NULL,
    credited_cents  BIGINT      NOT NULL DEFAULT 0,
    clawed_back_cents BIGINT    NOT NULL DEFAULT 0,
    corrects_id     VARCHAR(64),
    supplement      BOOLEAN     NOT NULL DEFAULT FALSE
);
CREATE INDEX declaration_ledger_supplement ON declaration_ledger (insurer_uzovi, contract_year, patient_ref)
    WHERE supplement;

-- The timeline: a human-readable history of a contract and its ceilings (built by a streaming processor).
CREATE TABLE timeline_entry (
    event_id      VARCHAR(255) NOT NULL PRIMARY KEY,
    contract_id   VARCHAR(64)  NOT NULL,
    ceiling_id    VARCHAR(80),
    position      BIGINT       NOT NULL,
    occurred_at   TIMESTAMPTZ  NOT NULL,
    event_type    VARCHAR(64)  NOT NULL,
    description   TEXT         NOT NULL,
    actor         VARCHAR(255),
    amount_cents  BIGINT
);
CREATE INDEX timeline_entry_contract ON timeline_entry (contract_id, occurred_at, position);

-- Declarations are summarised per ceiling and day on the timeline, not listed one by one.
CREATE TABLE timeline_declaration_day (
    contract_id    VARCHAR(64) NOT NULL,
    ceiling_id     VARCHAR(80) NOT NULL,
    received_on    DATE        NOT NULL,
    first_position BIGINT      NOT NULL,
    first_at       TIMESTAMPTZ NOT NULL,
    last_at        TIMESTAMPTZ NOT NULL,
    declarations   BIGINT      NOT NULL,
    credits        BIGINT      NOT NULL,
    declared_cents BIGINT      NOT NULL,
    PRIMARY KEY (ceiling_id, received_on)
);
CREATE INDEX timeline_declaration_day_contract ON timeline_declaration_day (contract_id);
