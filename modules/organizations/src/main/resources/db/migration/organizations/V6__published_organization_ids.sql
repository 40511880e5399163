-- What other modules may read of the organizations, published as a view that this module
-- owns: only the ids, for work that runs once per organization (reporting's rebuild of its
-- period rollups). Other modules read this, never the tables behind it, so the tables may
-- change as long as the view keeps its shape. Read-only for the runtime role: the default
-- privileges of this schema would also let it write through the (updatable) view.
create view organizations.organization_ids as
select id from organizations.organization;

revoke all on organizations.organization_ids from ${appRole};
grant select on organizations.organization_ids to ${appRole};
