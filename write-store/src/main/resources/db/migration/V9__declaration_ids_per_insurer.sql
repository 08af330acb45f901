-- Issue 12: declaration ids belong to the insurer whose claims system numbered them. The same id at two insurers names
-- two declarations; before, the second insurer's declaration was answered DUPLICATE (with the first's ceiling id) and
-- never counted. Every ledger row already carries its insurer, so the stored events keep their meaning: only the key
-- changes. No two rows can clash under the new key, since the old key was stricter.
ALTER TABLE declaration_ledger DROP CONSTRAINT declaration_ledger_pkey;
ALTER TABLE declaration_ledger ADD PRIMARY KEY (insurer_uzovi, declaration_id);
