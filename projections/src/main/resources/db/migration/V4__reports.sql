-- Report tables for the patient-stop report and the NZa contracting-monitor figures (seed 003), built by the
-- streaming processor "reporting" (ReportingProjection). They hold facts only; every figure is counted from them by
-- SQL when a report is asked for. A rebuild deletes their rows (the processor's reset handler) and replays all events.

-- Every offered contract; counted in the monitor once signed, for each year its term covers.
CREATE TABLE report_contract (
    contract_id                VARCHAR(64) NOT NULL PRIMARY KEY,
    insurer_uzovi              CHAR(4)     NOT NULL,
    provider_agb               CHAR(8)     NOT NULL,
    provider_type              VARCHAR(16) NOT NULL,
    term_start                 DATE        NOT NULL,
    term_end                   DATE        NOT NULL,
    status                     VARCHAR(16) NOT NULL,
    signed                     BOOLEAN     NOT NULL DEFAULT FALSE,
    termination_effective_date DATE
);
CREATE INDEX report_contract_insurer ON report_contract (insurer_uzovi);

-- Contracts whose ceiling of a calendar year was exhausted (CeilingExhausted; the ceiling id names contract and year).
CREATE TABLE report_ceiling_exhausted (
    contract_id   VARCHAR(64) NOT NULL,
    contract_year INTEGER     NOT NULL,
    ceiling_id    VARCHAR(80) NOT NULL,
    exhausted_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (contract_id, contract_year)
);
CREATE INDEX report_ceiling_exhausted_year ON report_ceiling_exhausted (contract_year);

-- Patient stops as announced and lifted; to_date is NULL while the stop is in force.
CREATE TABLE report_patient_stop (
    stop_id     VARCHAR(64) NOT NULL PRIMARY KEY,
    contract_id VARCHAR(64) NOT NULL,
    reason      VARCHAR(32) NOT NULL,
    from_date   DATE        NOT NULL,
    to_date     DATE
);
CREATE INDEX report_patient_stop_contract ON report_patient_stop (contract_id);
CREATE INDEX report_patient_stop_dates ON report_patient_stop (from_date, to_date);

-- Increase requests per contract year: when asked, when and how decided, and whether the decision came late.
CREATE TABLE report_increase_request (
    request_id    VARCHAR(64) NOT NULL PRIMARY KEY,
    ceiling_id    VARCHAR(80) NOT NULL,
    contract_id   VARCHAR(64) NOT NULL,
    contract_year INTEGER     NOT NULL,
    requested_at  TIMESTAMPTZ NOT NULL,
    decided_at    TIMESTAMPTZ,
    decision      VARCHAR(16),
    overdue       BOOLEAN     NOT NULL DEFAULT FALSE
);
CREATE INDEX report_increase_request_year ON report_increase_request (contract_year);
