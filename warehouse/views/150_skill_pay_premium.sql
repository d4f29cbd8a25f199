-- Median pay with vs without each skill, with a 95% bootstrap interval for the uplift.
-- Computed at refresh time by warehouse/stats.py (a deterministic resampling scheme,
-- see docs/data-model.md); only skills with at least 20 paid jobs on each side.
create or replace view skill_pay_premium as
select skill_id, skill_name, n_with, n_without, median_with, median_without, uplift,
       ci_low, ci_high
from skill_pay_premium_stats
