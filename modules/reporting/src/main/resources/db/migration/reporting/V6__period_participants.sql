-- Distinct participants per week and per month, counted when they first take part in a
-- period, so that a report reads one row per period and group instead of counting
-- pseudonyms over every participant-day. A member counts in the department and location
-- of their first activity in the period.
create table period_participant (
    tenant_id   uuid not null,
    unit        text not null check (unit in ('week', 'month')),
    period      date not null,
    department  text not null,
    location    text not null,
    pseudonym   text not null,
    primary key (tenant_id, unit, period, pseudonym)
);

create table period_participation (
    tenant_id     uuid not null,
    unit          text not null check (unit in ('week', 'month')),
    period        date not null,
    department    text not null,
    location      text not null,
    participants  bigint not null,
    primary key (tenant_id, unit, period, department, location)
);

select kernel.enable_tenant_isolation('reporting.period_participant');
select kernel.enable_tenant_isolation('reporting.period_participation');

-- Rebuilds both from the participant-days, one organization at a time (row-level security
-- applies to the owner too). Used here for existing data and by the benchmark's generator.
create function rebuild_period_participation() returns void
language plpgsql as $$
declare
    organization uuid;
begin
    for organization in select id from organizations.organization loop
        perform set_config('app.tenant_id', organization::text, true);
        delete from reporting.period_participation where tenant_id = organization;
        delete from reporting.period_participant where tenant_id = organization;
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
    end loop;
    perform set_config('app.tenant_id', '', true);
end $$;

select rebuild_period_participation();
