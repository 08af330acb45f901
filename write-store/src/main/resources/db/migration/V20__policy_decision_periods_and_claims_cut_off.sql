-- Issue 15: decision periods per contract kind as ISO-8601 periods (seed 001: P28D digital, P1M negotiated) instead of
-- one number of days, a fixed last day of decision (seed 002 §6.3: 31 March), the regime (WINDOW or
-- SUPPLEMENTARY_CONTRACTING) and the claims cut-off after the year. A policy published before keeps its one period for
-- both kinds, as its events say (PurchasingPolicyPublished revision 2 is upcast the same way to revision 3).
ALTER TABLE purchasing_policy
    ADD COLUMN increase_regime            VARCHAR(32) NOT NULL DEFAULT 'WINDOW',
    ADD COLUMN decision_period_digital    VARCHAR(16),
    ADD COLUMN decision_period_negotiated VARCHAR(16),
    ADD COLUMN decision_due_by            DATE,
    ADD COLUMN claims_cut_off             VARCHAR(16);
UPDATE purchasing_policy
SET decision_period_digital    = 'P' || decision_period_days || 'D',
    decision_period_negotiated = 'P' || decision_period_days || 'D';
ALTER TABLE purchasing_policy
    ALTER COLUMN decision_period_digital SET NOT NULL,
    ALTER COLUMN decision_period_negotiated SET NOT NULL,
    ALTER COLUMN increase_regime DROP DEFAULT,
    DROP COLUMN decision_period_days;
