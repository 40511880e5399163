-- Active members per department and location, kept exact by a trigger in the same
-- transaction as every member change, so that every HR report reads a few rows instead of
-- counting all of a large organization's members each time.
create table member_headcount (
    tenant_id   uuid not null references organization (id) on delete cascade,
    department  text not null,
    location    text not null,
    members     bigint not null check (members >= 0),
    primary key (tenant_id, department, location)
);

select kernel.enable_tenant_isolation('organizations.member_headcount');

create function count_member_change() returns trigger
language plpgsql as $$
begin
    if tg_op in ('UPDATE', 'DELETE') and old.active then
        -- an update, not an upsert: without a bound tenant (an organization's cascade delete)
        -- it touches nothing, and the cascade removes the counts anyway
        update organizations.member_headcount set members = members - 1
        where tenant_id = old.tenant_id and department = coalesce(old.department, '')
            and location = coalesce(old.location, '');
    end if;
    if tg_op in ('INSERT', 'UPDATE') and new.active then
        insert into organizations.member_headcount (tenant_id, department, location, members)
        values (new.tenant_id, coalesce(new.department, ''), coalesce(new.location, ''), 1)
        on conflict (tenant_id, department, location) do update set members = member_headcount.members + 1;
    end if;
    return null;
end $$;

create trigger member_headcount after insert or delete or update of active, department, location on member
for each row execute function count_member_change();

insert into member_headcount (tenant_id, department, location, members)
select tenant_id, coalesce(department, ''), coalesce(location, ''), count(*)
from member where active group by 1, 2, 3;
