-- Sessions and seconds per week and per month, added as events arrive, so that a report of
-- twelve weeks reads twelve rows per group instead of every day of every category.
create table period_activity (
    tenant_id   uuid not null,
    unit        text not null check (unit in ('week', 'month')),
    period      date not null,
    department  text not null,
    location    text not null,
    sessions    bigint not null,
    seconds     bigint not null,
    primary key (tenant_id, unit, period, department, location)
);

select kernel.enable_tenant_isolation('reporting.period_activity');

-- The rebuild (for existing data and the benchmark's generator) now covers both period rollups.
create or replace function rebuild_period_participation() returns void
language plpgsql as $$
declare
    organization uuid;
begin
    for organization in select id from organizations.organization loop
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

select rebuild_period_participation();
