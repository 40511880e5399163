-- One definition of tenant isolation for every module: a tenant-owned table enables and
-- forces row-level security with a policy comparing tenant_id with the transaction's
-- app.tenant_id. nullif turns the empty string a reset setting leaves on a reused connection
-- into NULL, so "no tenant" matches no row instead of failing.
create function enable_tenant_isolation(target regclass) returns void
language plpgsql as $$
begin
    execute format('alter table %s enable row level security', target);
    execute format('alter table %s force row level security', target);
    execute format($p$create policy tenant_isolation on %s
        using (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
        with check (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)$p$, target);
end $$;
