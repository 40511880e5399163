-- Reporting keeps counts, never people: no names, emails or member ids. Distinct participant
-- counts use a keyed pseudonym (HMAC-SHA256 with a per-organization secret) that no API returns.
create table tenant_secret (
    tenant_id  uuid primary key,
    secret     bytea not null
);

create table activity_day (
    tenant_id   uuid not null,
    day         date not null,
    department  text not null,
    location    text not null,
    category    text not null,
    sessions    bigint not null,
    seconds     bigint not null,
    primary key (tenant_id, day, department, location, category)
);

create table participant_day (
    tenant_id   uuid not null,
    day         date not null,
    department  text not null,
    location    text not null,
    pseudonym   text not null,
    primary key (tenant_id, day, department, location, pseudonym)
);

-- Program funnel: one row per pseudonymous participant and program.
create table program_participant (
    tenant_id     uuid not null,
    program       text not null,
    pseudonym     text not null,
    department    text not null,
    location      text not null,
    enrolled_on   date,
    completed_on  date,
    primary key (tenant_id, program, pseudonym)
);

-- Checklist findings: per respondent and section, whether their latest answer that day failed.
create table checklist_answer_day (
    tenant_id   uuid not null,
    day         date not null,
    department  text not null,
    location    text not null,
    section     text not null,
    pseudonym   text not null,
    failed      boolean not null,
    primary key (tenant_id, day, department, location, section, pseudonym)
);

-- Populations already released to HR, per period range, for the overlap rule.
create table released_population (
    tenant_id     uuid not null,
    atoms         text[] not null,
    first_period  date not null,
    last_period   date not null,
    released_at   timestamptz not null default now(),
    primary key (tenant_id, atoms, first_period, last_period)
);

select kernel.enable_tenant_isolation('reporting.tenant_secret');
select kernel.enable_tenant_isolation('reporting.activity_day');
select kernel.enable_tenant_isolation('reporting.participant_day');
select kernel.enable_tenant_isolation('reporting.program_participant');
select kernel.enable_tenant_isolation('reporting.checklist_answer_day');
select kernel.enable_tenant_isolation('reporting.released_population');
