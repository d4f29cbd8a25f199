-- Keep the new titles' normalised form, and forget the titles no candidate has any more.
insert into dedupe_titles select title, norm from dedupe_new_titles;
delete from dedupe_titles where title not in (select title from dedupe_candidate_titles)
