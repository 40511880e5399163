-- The rebuild (for existing data and the benchmark's generator) as in V7, reading the
-- organizations through the view that the organizations module publishes (its V6) instead
-- of that module's table. V6 and V7 stay as they were applied.
create or replace function rebuild_period_participation() returns void
language plpgsql as $$
declare
    organization uuid;
begin
    for organization in select id from organizations.organization_ids loop
        perform set_config('app.tenant_id', organization::text, true);
        delete from reporting.period_participation where tenant_id = organization;
        delete from reporting.period_participant where tenant_id = organization;
        delete from reporting.period_activity where tenant_id = organization;
        insert into reporting.period_participant (tenant_id, unit, period, department, location, pseudonym)
        select distinct on (unit, date_trunc(unit, day), pseudonym) tenant_id, unit,
            date_trunc(unit, day)::date as period, department, location, pseudonym
        from reporting.participant_day cross join (values ('week'), ('month')) as units(unit)
        where tenant_id = organization
        order by unit, date_trunc(unit, day), pseudonym, day;
        insert into reporting.period_participation (tenant_id, unit, period, department, location, participants)
        select tenant_id, unit, period, department, location, count(*)
        from reporting.period_participant where tenant_id = organization
        group by 1, 2, 3, 4, 5;
        insert into reporting.period_activity (tenant_id, unit, period, department, location, sessions, seconds)
        select tenant_id, unit, date_trunc(unit, day)::date, department, location, sum(sessions), sum(seconds)
        from reporting.activity_day cross join (values ('week'), ('month')) as units(unit)
        where tenant_id = organization
        group by 1, 2, 3, 4, 5;
    end loop;
    perform set_config('app.tenant_id', '', true);
end $$;

