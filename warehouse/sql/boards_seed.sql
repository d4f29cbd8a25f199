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

insert into boards (
    ats, board_key, token, site, board, status, in_registry, company,
    found_count, not_found_streak
)
select ats, lower(board), lower(token), site, board, 'registry', true, company, 0, 0
from board_seed
on conflict (ats, board_key) do update set
    in_registry = true,
    board = excluded.board,
    company = excluded.company,
    status = case when boards.status = 'gone' then 'gone' else 'registry' end;
