-- Declaration monitoring (seed 001: providers spread care evenly over the year; the purchaser watches the pace).
-- Built by the streaming processor 'monitoring'; every table here is cleared and rebuilt on a replay.

CREATE TABLE monitoring_ceiling (
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
    declarations          BIGINT      NOT NULL DEFAULT 0
);
CREATE INDEX monitoring_ceiling_insurer ON monitoring_ceiling (insurer_uzovi, contract_year);

CREATE TABLE monitoring_threshold (
    ceiling_id VARCHAR(80) NOT NULL,
    percent    INTEGER     NOT NULL,
    reached_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (ceiling_id, percent)
);

-- Per ceiling and Dutch calendar day: declarations (net of credits) by treatment date, claw-backs by the day issued.
CREATE TABLE monitoring_day (
    ceiling_id        VARCHAR(80) NOT NULL,
    day               DATE        NOT NULL,
    declared_cents    BIGINT      NOT NULL DEFAULT 0,
    clawed_back_cents BIGINT      NOT NULL DEFAULT 0,
    PRIMARY KEY (ceiling_id, day)
);

-- Ceiling raises by signed addenda, so that a series shows the ceiling in force each month.
CREATE TABLE monitoring_raise (
    addendum_id  VARCHAR(64) NOT NULL PRIMARY KEY,
    ceiling_id   VARCHAR(80) NOT NULL,
    signed_on    DATE        NOT NULL,
    amount_cents BIGINT      NOT NULL
);
CREATE INDEX monitoring_raise_ceiling ON monitoring_raise (ceiling_id);

CREATE TABLE monitoring_request (
    request_id      VARCHAR(64) NOT NULL PRIMARY KEY,
    ceiling_id      VARCHAR(80) NOT NULL,
    amount_cents    BIGINT      NOT NULL,
    grounds         TEXT        NOT NULL,
    status          VARCHAR(16) NOT NULL,
    requested_at    TIMESTAMPTZ NOT NULL,
    decision_due_at TIMESTAMPTZ NOT NULL,
    overdue         BOOLEAN     NOT NULL DEFAULT FALSE,
    decided_at      TIMESTAMPTZ
);
CREATE INDEX monitoring_request_ceiling ON monitoring_request (ceiling_id);
CREATE INDEX monitoring_request_open ON monitoring_request (status) WHERE status = 'REQUESTED';
