-- Activities an employee completed. member_id refers to the organizations module's member;
-- modules share no foreign keys, only ids.
create table activity (
    tenant_id        uuid not null,
    id               uuid not null,
    member_id        uuid not null,
    kind             text not null check (kind in ('routine', 'exercise', 'activity')),
    slug             text not null,
    category         text not null,
    duration_seconds int not null check (duration_seconds between 1 and 14400),
    completed_at     timestamptz not null,
    logged_at        timestamptz not null default now(),
    primary key (tenant_id, id)
);
create index activity_member_time on activity (tenant_id, member_id, completed_at);

-- Idempotency keys: a retried write returns the first response and never counts twice.
create table idempotency_key (
    tenant_id     uuid not null,
    member_id     uuid not null,
    key           text not null check (length(key) between 1 and 200),
    request_hash  text not null,
    activity_id   uuid not null,
    created_at    timestamptz not null default now(),
    primary key (tenant_id, member_id, key)
);

-- Participation events for reporting, written in the same transaction as the fact itself.
create table participation_outbox (
    tenant_id    uuid not null,
    id           bigint generated always as identity,
    event_type   text not null,
    occurred_at  timestamptz not null,
    payload      jsonb not null,
    created_at   timestamptz not null default now(),
    primary key (tenant_id, id)
);

-- Only the fact and date of the acknowledgement are kept: never which warning signs apply.
create table screening_acknowledgement (
    tenant_id        uuid not null,
    member_id        uuid not null,
    acknowledged_at  timestamptz not null default now(),
    primary key (tenant_id, member_id)
);

create table enrollment (
    tenant_id     uuid not null,
    id            uuid not null,
    member_id     uuid not null,
    program_slug  text not null,
    started_on    date not null,
    status        text not null default 'active' check (status in ('active', 'completed', 'left')),
    created_at    timestamptz not null default now(),
    primary key (tenant_id, id)
);
create unique index enrollment_one_active on enrollment (tenant_id, member_id) where status = 'active';

select kernel.enable_tenant_isolation('programs.activity');
select kernel.enable_tenant_isolation('programs.idempotency_key');
select kernel.enable_tenant_isolation('programs.participation_outbox');
select kernel.enable_tenant_isolation('programs.screening_acknowledgement');
select kernel.enable_tenant_isolation('programs.enrollment');
