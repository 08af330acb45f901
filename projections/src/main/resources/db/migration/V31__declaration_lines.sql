-- Issue 17: every ceiling's declarations with what became of them (DeclarationLineProjection, a streaming processor).
-- position: the sequence number of the accepting event in the ceiling's stream: the declaration order within the
-- ceiling and the keyset of the list's pages. No
-- patient reference: the list is for paying and reclaiming.
CREATE TABLE declaration_line (
    ceiling_id        VARCHAR(80) NOT NULL,
    declaration_id    VARCHAR(64) NOT NULL,
    position          BIGINT      NOT NULL,
    treatment_date    DATE        NOT NULL,
    prestatie_code    VARCHAR(16) NOT NULL,
    setting           INTEGER     NOT NULL,
    amount_cents      BIGINT      NOT NULL,
    payable_cents     BIGINT      NOT NULL,
    held_cents        BIGINT      NOT NULL,
    credited_cents    BIGINT      NOT NULL DEFAULT 0,
    clawed_back_cents BIGINT      NOT NULL DEFAULT 0,
    accepted_at       TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (ceiling_id, declaration_id)
);
CREATE UNIQUE INDEX declaration_line_order ON declaration_line (ceiling_id, position);
