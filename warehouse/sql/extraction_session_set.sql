insert into extraction_session values (?, ?)
