-- Issue 14, renewal (seed 001: next year's offer on this year's ceiling "inclusief eventuele verhoging"): an offer
-- names the contract it renews, a renewed contract the offer of its next term. Contracts offered before: neither.

ALTER TABLE contract_state
    ADD COLUMN renewal_of VARCHAR(64),
    ADD COLUMN renewed_as VARCHAR(64);

-- the yearly renewal finds an insurer's contracts by the year their term ends
CREATE INDEX contract_state_insurer_term_end ON contract_state (insurer_uzovi, term_end);
