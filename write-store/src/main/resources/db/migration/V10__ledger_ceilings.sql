-- The declaration ledger's own record of each ceiling's insurer and year (written from CeilingAgreed in the same
-- transaction), so that the write side reads no read model's table. Filled once from the ceilings agreed so far.
CREATE TABLE ledger_ceiling (
    ceiling_id    VARCHAR(80) NOT NULL PRIMARY KEY,
    insurer_uzovi CHAR(4)     NOT NULL,
    contract_year INTEGER     NOT NULL
);
INSERT INTO ledger_ceiling (ceiling_id, insurer_uzovi, contract_year)
SELECT ceiling_id, insurer_uzovi, contract_year FROM ceiling_state;
