-- Issue 17: an insurer's receiver of the claims feed as webhooks (claims-webhooks module). One row per subscription is
-- the whole delivery state: where in the insurer's claims feed it stands (the cursor of the last line the receiver
-- acknowledged, or the end of what was read past), and the retry schedule. A node delivers a subscription only while
-- it holds the row (SELECT ... FOR UPDATE SKIP LOCKED), so two nodes never deliver one subscription at once.
CREATE TABLE webhook_subscription (
    subscription_id   uuid PRIMARY KEY,
    insurer_uzovi     varchar(4)  NOT NULL,
    url               text        NOT NULL,
    -- signs every delivery (Standard Webhooks, whsec_ + base64); shown to the operator once, at registration
    secret            text        NOT NULL,
    state             varchar(8)  NOT NULL CHECK (state IN ('ACTIVE', 'FAILING', 'DEAD')),
    -- a claims feed cursor: "1234" or "1234.17"
    feed_cursor       varchar(40) NOT NULL,
    -- failed attempts at the line after the cursor since its last success
    attempts          integer     NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    next_attempt_at   timestamptz NOT NULL,
    last_delivered_at timestamptz,
    -- the last failure: an HTTP status or an exception's class, never the receiver's body
    last_error        varchar(200),
    created_at        timestamptz NOT NULL
);

CREATE INDEX webhook_subscription_due ON webhook_subscription (next_attempt_at) WHERE state <> 'DEAD';
