-- Issue 16: crypto-shredding of patient pseudonyms (AVG/GDPR art. 17). Each insurer has a secret hash key (HMAC-SHA256)
-- for the rules that need equality of pseudonyms; each (insurer, pseudonym) has a 256-bit data key under which its
-- pseudonym is sealed (AES-GCM). Erasure deletes the data key row; the keyed hash stays in the ledger, so the
-- supplement count (seed 002 §5.2) stays exact. No plain pseudonym is ever written to these tables.
CREATE TABLE patient_hash_key (
    insurer_uzovi CHAR(4)     NOT NULL PRIMARY KEY,
    hash_key      BYTEA       NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE patient_key (
    insurer_uzovi CHAR(4)     NOT NULL,
    keyed_hash    VARCHAR(64) NOT NULL,
    data_key      BYTEA       NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (insurer_uzovi, keyed_hash)
);

-- the ledger keeps the sealed pseudonym and its keyed hash; V23 seals the plain pseudonyms and drops patient_ref
ALTER TABLE declaration_ledger ADD COLUMN patient_hash VARCHAR(64), ADD COLUMN patient_sealed TEXT;
