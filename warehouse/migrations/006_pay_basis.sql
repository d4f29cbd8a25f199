-- 006: the pay basis a source states for a range (Ashby's on-target-earnings tiers: `base`
-- or `ote`) is kept, not recomputed: in the landed compensation objects of `raw_postings`
-- and in every stored range (`posting_salaries.pay_basis`, null when the source states
-- none; the salary_pay_basis view then reads the range's own words). Ranges extracted
-- before have nulls until the next extraction (the extractor version changed, so the next
-- refresh re-extracts them); versions landed before keep no basis (their landing files
-- were read already), so their ranges fall back to the words.
alter table raw_postings add column compensation.pay_basis varchar;
alter table raw_postings add column compensation_ranges.element.pay_basis varchar;
alter table posting_salaries add column pay_basis varchar;
