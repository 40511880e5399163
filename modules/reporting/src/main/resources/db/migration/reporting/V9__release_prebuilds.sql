-- Release tables are built in the background after a period closes, organization by
-- organization. Which organizations have activity must be known before one is chosen: a
-- narrow function owned by the owner role answers just that (as for the outbox).
do $$
begin
    execute format('create policy release_overview on person_week for select to %I using (true)', current_user);
end $$;

-- One index probe per organization (a loose index scan), not a scan of every row.
create function tenants_with_activity() returns table (tenant_id uuid)
language sql stable security definer set search_path = reporting, pg_temp as $$
    with recursive tenants as (
        (select w.tenant_id from reporting.person_week w order by w.tenant_id limit 1)
        union all
        select (select w.tenant_id from reporting.person_week w where w.tenant_id > tenants.tenant_id
                order by w.tenant_id limit 1)
        from tenants where tenants.tenant_id is not null
    )
    select tenants.tenant_id from tenants where tenants.tenant_id is not null
$$;
