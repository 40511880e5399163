-- Eligible headcount per day, department and location, taken once a day, so that a past
-- period's participation rate uses the people eligible then, not today's.
create table headcount_day (
    tenant_id   uuid not null,
    day         date not null,
    department  text not null,
    location    text not null,
    members     bigint not null,
    primary key (tenant_id, day, department, location)
);

select kernel.enable_tenant_isolation('reporting.headcount_day');
