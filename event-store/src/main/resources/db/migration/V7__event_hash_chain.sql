-- Tamper evidence (issue 6): every event carries the hash of the event before it in its stream (aggregate) and its own
-- hash over a canonical encoding of itself (nl.ggz.contracts.audit.EventHash), both written by the INSERT that stores
-- the event (ChainedEventAppender), so in the same transaction.
-- Events stored before this migration keep NULL in both: the chain of a stream starts with its first event written
-- after the upgrade, which links to 32 zero bytes. The append-only trigger (V6) keeps the columns from being changed.
ALTER TABLE domainevententry ADD COLUMN previoushash BYTEA;
ALTER TABLE domainevententry ADD COLUMN hash BYTEA;
