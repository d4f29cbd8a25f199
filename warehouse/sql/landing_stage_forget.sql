delete from landing_stage where landing_file = ?
