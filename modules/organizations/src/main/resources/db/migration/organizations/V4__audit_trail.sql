-- Security-relevant actions and report releases, append-only for the runtime role: entries
-- are inserted and read, never updated or deleted, so an admin cannot rewrite what they did.
create table audit_event (
    id          bigint generated always as identity primary key,
    tenant_id   uuid not null references organization (id) on delete cascade,
    occurred_at timestamptz not null default now(),
    actor       uuid,
    action      text not null check (length(action) between 1 and 100),
    subject     text not null default '' check (length(subject) <= 500),
    details     jsonb not null default '{}'::jsonb
);

create index audit_event_by_time on audit_event (tenant_id, occurred_at desc, id desc);

select kernel.enable_tenant_isolation('organizations.audit_event');

-- default privileges granted update and delete; an audit trail takes them back
revoke update, delete, truncate on audit_event from ${appRole};
