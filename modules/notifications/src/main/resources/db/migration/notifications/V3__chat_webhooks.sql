-- Team chat webhooks (Slack incoming webhooks, Teams workflow webhooks) that challenge posts go
-- to: for one challenge, or (challenge_id null) for every challenge of the organization. The
-- URL is a secret: kept only sealed (AES-GCM), shown only as its hint.
create table webhook (
    tenant_id     uuid not null,
    id            uuid not null,
    channel       text not null check (channel in ('slack', 'teams')),
    challenge_id  uuid,
    url_sealed    text not null,
    url_hint      text not null check (length(url_hint) <= 120),
    daily_at      time not null default '17:00',
    created_by    uuid not null,
    created_at    timestamptz not null,
    primary key (tenant_id, id)
);

select kernel.enable_tenant_isolation('notifications.webhook');

do $$
begin
    execute format('create policy webhook_overview on webhook for select to %I using (true)', current_user);
end $$;

-- Tenants with a webhook, for the scheduler that posts by time.
create function webhook_tenants() returns table (tenant_id uuid)
language sql stable security definer set search_path = notifications, pg_temp as $$
    select distinct tenant_id from notifications.webhook
$$;
revoke all on function webhook_tenants() from public;
grant execute on function webhook_tenants() to ${appRole};

grant select, insert, update, delete on all tables in schema notifications to ${appRole};
