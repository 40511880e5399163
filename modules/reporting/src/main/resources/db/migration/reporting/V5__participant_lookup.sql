-- The program funnel asks, per participant and period, whether they were active in the
-- period's last two weeks: look that up by pseudonym instead of scanning the days.
create index participant_day_by_pseudonym on participant_day (tenant_id, pseudonym, day);
