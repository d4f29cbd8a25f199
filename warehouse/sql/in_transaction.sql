-- Two statements in one explicit transaction share its id; in autocommit mode each
-- statement runs in its own (loads._in_transaction).
select txid_current() as a
