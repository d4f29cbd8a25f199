drop table if exists pending
