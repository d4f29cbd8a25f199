-- The registry's boards (registered as `board_seed`) become `registry` boards; a board that
-- left the registry file keeps its history and becomes `valid` (it was crawled) or
-- `candidate`. A `gone` board stays gone until a crawl answers for it again.
update boards set
    in_registry = false,
    status = case
        when status <> 'registry' then status
        when last_ok is not null then 'valid'
        else 'candidate'
    end
where in_registry and board_key not in (
    select lower(board) from board_seed s where s.ats = boards.ats
);

-- MERGE, not INSERT .. ON CONFLICT: DuckLake tables have no key to conflict on.
merge into boards
using (
    select ats, lower(board) as board_key, lower(token) as token, site, board, company
    from board_seed
) s
on boards.ats = s.ats and boards.board_key = s.board_key
when matched then update set
    in_registry = true,
    board = s.board,
    company = s.company,
    status = case when boards.status = 'gone' then 'gone' else 'registry' end
when not matched then insert (
    ats, board_key, token, site, board, status, in_registry, company,
    found_count, not_found_streak
) values (s.ats, s.board_key, s.token, s.site, s.board, 'registry', true, s.company, 0, 0);
