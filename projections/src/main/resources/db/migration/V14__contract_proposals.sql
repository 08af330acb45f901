-- Issue 14: the proposals of a contract side by side. One row per round: round 0 is the insurer's offer, each
-- ContractProposalRevised a round of its own, with who put it forward, its terms, the insurer's deadline to answer a
-- provider's quote (seed 002 §6.3) and whether the insurer accepted it (seed 000: "bij overeenstemming").
CREATE TABLE contract_proposal (
    contract_id    VARCHAR(64)  NOT NULL,
    round          INTEGER      NOT NULL,
    proposed_by    VARCHAR(16)  NOT NULL,
    proposed_at    TIMESTAMPTZ  NOT NULL,
    ceiling_cents  BIGINT       NOT NULL,
    tariffs        JSONB        NOT NULL,
    settings       INTEGER[]    NOT NULL,
    answer_due_at  TIMESTAMPTZ,
    answer_overdue BOOLEAN      NOT NULL DEFAULT FALSE,
    accepted_at    TIMESTAMPTZ,
    accepted_by    VARCHAR(255),
    PRIMARY KEY (contract_id, round)
);

-- Contracts offered before this table: their rounds from the stored events, since the contract state kept only the
-- round on the table and the subscribing projection that fills this table is not replayed. Revision 1 and unrevised
-- events carry one "tariff" for every setting (as EventUpcasters reads them), revision 2 "tariffs" per setting.
CREATE TEMPORARY TABLE stored_round ON COMMIT DROP AS
SELECT e.globalindex, e.aggregateidentifier AS contract_id, substring(e.payloadtype FROM '[^.]+$') AS type,
       convert_from(e.payload, 'UTF8')::jsonb AS payload, NULL::jsonb AS tariffs, NULL::integer[] AS settings
FROM domainevententry e
WHERE e.payloadtype IN ('nl.ggz.contracts.domain.contract.ContractOffered',
                        'nl.ggz.contracts.domain.contract.ContractProposalRevised',
                        'nl.ggz.contracts.domain.contract.ContractProposalAccepted',
                        'nl.ggz.contracts.domain.contract.ContractProposalAnswerOverdue');
UPDATE stored_round SET
    tariffs = COALESCE(payload -> 'tariffs', (SELECT jsonb_object_agg(s, payload -> 'tariff')
                                             FROM jsonb_array_elements_text(payload -> 'settings') AS s)),
    settings = ARRAY(SELECT s::integer FROM jsonb_array_elements_text(payload -> 'settings') AS s ORDER BY 1)
WHERE type IN ('ContractOffered', 'ContractProposalRevised');

INSERT INTO contract_proposal (contract_id, round, proposed_by, proposed_at, ceiling_cents, tariffs, settings)
SELECT contract_id, 0, 'PURCHASER', (payload ->> 'offeredAt')::timestamptz, (payload ->> 'ceiling')::bigint,
       tariffs, settings
FROM stored_round WHERE type = 'ContractOffered';

INSERT INTO contract_proposal (contract_id, round, proposed_by, proposed_at, ceiling_cents, tariffs, settings,
                               answer_due_at)
SELECT contract_id, (payload ->> 'round')::integer, payload ->> 'proposedBy', (payload ->> 'proposedAt')::timestamptz,
       (payload ->> 'ceiling')::bigint, tariffs, settings,
       (payload ->> 'answerDueAt')::timestamptz
FROM stored_round WHERE type = 'ContractProposalRevised';

UPDATE contract_proposal p SET accepted_at = (r.payload ->> 'acceptedAt')::timestamptz,
                               accepted_by = r.payload ->> 'acceptedBy'
FROM stored_round r
WHERE r.type = 'ContractProposalAccepted' AND r.contract_id = p.contract_id
  AND (r.payload ->> 'round')::integer = p.round;

UPDATE contract_proposal p SET answer_overdue = TRUE
FROM stored_round r
WHERE r.type = 'ContractProposalAnswerOverdue' AND r.contract_id = p.contract_id
  AND (r.payload ->> 'round')::integer = p.round;
