-- Row count of one table; {table} is an identifier from pipelines' fixed table list.
select count(*) from {table}
