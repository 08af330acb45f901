-- Issue 14: the contract view shows a tariff per setting, who proposed last and whether the insurer accepted it, the
-- insurer's deadline to answer a provider's quote, and every exclusion with the day it holds from.

ALTER TABLE contract_state
    ALTER COLUMN tariff_percentage DROP NOT NULL,
    ADD COLUMN tariffs           JSONB,
    ADD COLUMN proposal_accepted BOOLEAN      NOT NULL DEFAULT FALSE,
    ADD COLUMN accepted_at       TIMESTAMPTZ,
    ADD COLUMN accepted_by       VARCHAR(255),
    ADD COLUMN answer_due_at     TIMESTAMPTZ,
    ADD COLUMN answer_overdue    BOOLEAN      NOT NULL DEFAULT FALSE;
-- contracts offered before: their one tariff for every setting (as EventUpcasters reads their events)
UPDATE contract_state SET tariffs = (SELECT jsonb_object_agg(s::text, tariff_percentage) FROM unnest(settings) AS s);
ALTER TABLE contract_state ALTER COLUMN tariffs SET NOT NULL;

-- One row per exclusion of a setting or a prestatie: left out by the offer (amended_at NULL) or by an amendment, for
-- care from effective_from on.
CREATE TABLE contract_exclusion (
    contract_id       VARCHAR(64) NOT NULL,
    setting           INTEGER,
    prestatie_code    VARCHAR(20),
    effective_from    DATE        NOT NULL,
    amended_at        TIMESTAMPTZ,
    backdating_reason TEXT,
    CHECK ((setting IS NULL) <> (prestatie_code IS NULL))
);
CREATE INDEX contract_exclusion_contract ON contract_exclusion (contract_id);
-- amendments stored before they had a date hold from the start of the term
INSERT INTO contract_exclusion (contract_id, setting, effective_from)
SELECT contract_id, s, term_start FROM contract_state, unnest(excluded_settings) AS s;
INSERT INTO contract_exclusion (contract_id, prestatie_code, effective_from)
SELECT contract_id, c, term_start FROM contract_state, unnest(excluded_prestatie_codes) AS c;
