-- Reporting drains the outbox tenant by tenant. Finding which tenants have events, and how
-- far behind reporting is, must work before a tenant is chosen: two narrow functions owned by
-- the owner role answer just that, and the owner (never the runtime role) may read across
-- tenants for it.
do $$
begin
    execute format('create policy outbox_overview on participation_outbox for select to %I using (true)', current_user);
end $$;

create index participation_outbox_created on participation_outbox (created_at);

create function outbox_pending_tenants() returns table (tenant_id uuid)
language sql stable security definer set search_path = programs, pg_temp as $$
    select distinct tenant_id from programs.participation_outbox
$$;

create function outbox_lag() returns table (pending bigint, oldest_seconds double precision)
language sql stable security definer set search_path = programs, pg_temp as $$
    select count(*), coalesce(extract(epoch from now() - min(created_at)), 0)
    from programs.participation_outbox
$$;

revoke all on function outbox_pending_tenants() from public;
revoke all on function outbox_lag() from public;
grant execute on function outbox_pending_tenants() to ${appRole};
grant execute on function outbox_lag() to ${appRole};
