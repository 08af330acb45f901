-- Issue 14: the write side's tables for the contracting rules of the seeds.

-- One contract per insurer, provider and calendar year (PostgresContractClaims): the years an offer or a signed
-- contract holds, under a key that two concurrent offers meet on. Filled from the contracts so far, oldest offer first;
-- where two open or signed contracts already held the same year (the rule did not exist), the first keeps it.
CREATE TABLE contract_claim (
    insurer_uzovi CHAR(4)     NOT NULL,
    provider_agb  CHAR(8)     NOT NULL,
    contract_year INTEGER     NOT NULL,
    contract_id   VARCHAR(64) NOT NULL,
    PRIMARY KEY (insurer_uzovi, provider_agb, contract_year)
);
CREATE INDEX contract_claim_contract ON contract_claim (contract_id);
INSERT INTO contract_claim (insurer_uzovi, provider_agb, contract_year, contract_id)
SELECT c.insurer_uzovi, c.provider_agb, y.year, c.contract_id
FROM contract_state c,
     LATERAL generate_series(EXTRACT(YEAR FROM c.term_start)::integer, EXTRACT(YEAR FROM c.term_end)::integer) AS y(year)
WHERE c.status IN ('OFFERED', 'SIGNED', 'TERMINATED', 'ENDED')
ORDER BY c.offered_at, c.contract_id, y.year
ON CONFLICT DO NOTHING;

-- The latest treatment date accepted per ceiling (PostgresDeclarationLedger): a termination never takes effect before
-- it. Filled once from the declarations already stored in the event store (their JSON payload).
ALTER TABLE ledger_ceiling ADD COLUMN latest_treatment_date DATE;
UPDATE ledger_ceiling l SET latest_treatment_date = d.latest
FROM (SELECT aggregateidentifier AS ceiling_id,
             max((convert_from(payload, 'UTF8')::jsonb ->> 'treatmentDate')::date) AS latest
      FROM domainevententry
      WHERE payloadtype = 'nl.ggz.contracts.domain.ceiling.DeclarationRecorded'
      GROUP BY aggregateidentifier) AS d
WHERE d.ceiling_id = l.ceiling_id;

-- The policy's new parameters, with the defaults for policies published before them (as EventUpcasters reads their
-- events): the longest term is the term, independents are contracted for setting 1 only (seed 001; NULL: every
-- setting), six weeks to answer a quote (seed 002 §6.3).
ALTER TABLE purchasing_policy
    ADD COLUMN max_term_years_independent   INTEGER,
    ADD COLUMN max_term_years_institution   INTEGER,
    ADD COLUMN max_term_years_hospital_ward INTEGER,
    ADD COLUMN settings_independent         INTEGER[],
    ADD COLUMN settings_institution         INTEGER[],
    ADD COLUMN settings_hospital_ward       INTEGER[],
    ADD COLUMN quote_response_days          INTEGER NOT NULL DEFAULT 42;
UPDATE purchasing_policy SET max_term_years_independent = term_years_independent,
                             max_term_years_institution = term_years_institution,
                             max_term_years_hospital_ward = term_years_hospital_ward,
                             settings_independent = '{1}';
ALTER TABLE purchasing_policy
    ALTER COLUMN max_term_years_independent SET NOT NULL,
    ALTER COLUMN max_term_years_institution SET NOT NULL,
    ALTER COLUMN max_term_years_hospital_ward SET NOT NULL,
    ALTER COLUMN quote_response_days DROP DEFAULT;
