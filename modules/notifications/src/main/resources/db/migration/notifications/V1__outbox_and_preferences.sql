-- Notifications: an outbox of messages to send, and what each member agreed to receive.
grant usage on schema notifications to ${appRole};
alter default privileges in schema notifications grant select, insert, update, delete on tables to ${appRole};

-- One row per message to one recipient on one channel. The unique key makes enqueueing
-- idempotent: a cause that is retried (or seen again by a scheduler) names the same
-- dedupe key and adds nothing. A claim is a lease: the worker that claimed a message owns it
-- until claimed_until, so two instances never send it at the same time.
create table message (
    tenant_id        uuid not null,
    id               uuid not null,
    recipient        text not null check (length(recipient) between 1 and 100),
    channel          text not null check (channel in ('email', 'push', 'slack', 'teams')),
    kind             text not null check (length(kind) between 1 and 60),
    dedupe_key       text not null check (length(dedupe_key) between 1 and 200),
    payload          jsonb not null,
    status           text not null default 'pending' check (status in ('pending', 'sent', 'failed', 'dropped')),
    attempts         int not null default 0,
    next_attempt_at  timestamptz not null,
    claimed_until    timestamptz,
    created_at       timestamptz not null,
    finished_at      timestamptz,
    last_error       text check (length(last_error) <= 500),
    primary key (tenant_id, id),
    unique (tenant_id, recipient, channel, dedupe_key)
);
create index message_due on message (next_attempt_at) where status = 'pending';

-- A member's choices: nothing is sent before they turn a kind on.
create table preference (
    tenant_id  uuid not null,
    member_id  uuid not null,
    channel    text not null check (channel in ('email', 'push')),
    kind       text not null check (kind in ('weekly-summary', 'challenges', 'break-reminders')),
    enabled    boolean not null,
    primary key (tenant_id, member_id, channel, kind)
);

-- Where and how to reach a member: kept when they save preferences, so the worker needs
-- nothing from a request. Quiet hours are local to time_zone.
create table recipient (
    tenant_id    uuid not null,
    member_id    uuid not null,
    email        text check (length(email) <= 320),
    language     text not null default 'en' check (language in ('en', 'de')),
    time_zone    text not null,
    quiet_start  time,
    quiet_end    time,
    primary key (tenant_id, member_id),
    check ((quiet_start is null) = (quiet_end is null))
);

-- An organization admin's switch per channel; a missing row means on.
create table organization_channel (
    tenant_id  uuid not null,
    channel    text not null check (channel in ('email', 'push', 'slack', 'teams')),
    enabled    boolean not null,
    primary key (tenant_id, channel)
);

-- Platform keys made at first start and shared by every instance: the key that signs
-- unsubscribe links and the VAPID key pair of Web Push. No tenant data.
create table platform_key (
    name     text primary key,
    value    text not null,
    created_at timestamptz not null default now()
);

select kernel.enable_tenant_isolation('notifications.message');
select kernel.enable_tenant_isolation('notifications.preference');
select kernel.enable_tenant_isolation('notifications.recipient');
select kernel.enable_tenant_isolation('notifications.organization_channel');

-- The worker must find which tenants have messages due before it chooses a tenant. Two narrow
-- functions owned by the owner role answer that and how far behind the queue is; only the
-- owner may read across tenants for it.
do $$
begin
    execute format('create policy message_overview on message for select to %I using (true)', current_user);
end $$;

create function due_tenants(at timestamptz) returns table (tenant_id uuid)
language sql stable security definer set search_path = notifications, pg_temp as $$
    select distinct tenant_id from notifications.message
    where status = 'pending' and next_attempt_at <= at and (claimed_until is null or claimed_until <= at)
$$;

create function queue_lag(at timestamptz) returns table (channel text, pending bigint, oldest_seconds double precision)
language sql stable security definer set search_path = notifications, pg_temp as $$
    select channel, count(*), coalesce(extract(epoch from at - min(created_at)), 0)
    from notifications.message where status = 'pending' group by channel
$$;

do $$
begin
    execute format('create policy preference_overview on preference for select to %I using (true)', current_user);
end $$;

-- Tenants where someone turned a topic on, for the schedulers that enqueue by time.
create function subscribed_tenants(for_channel text, for_kind text) returns table (tenant_id uuid)
language sql stable security definer set search_path = notifications, pg_temp as $$
    select distinct tenant_id from notifications.preference where channel = for_channel and kind = for_kind and enabled
$$;

revoke all on function subscribed_tenants(text, text) from public;
grant execute on function subscribed_tenants(text, text) to ${appRole};
revoke all on function due_tenants(timestamptz) from public;
revoke all on function queue_lag(timestamptz) from public;
grant execute on function due_tenants(timestamptz) to ${appRole};
grant execute on function queue_lag(timestamptz) to ${appRole};

grant select, insert, update, delete on all tables in schema notifications to ${appRole};
