-- The programs module's schema. The runtime role may use what the owner creates here;
-- every tenant-owned table added later enables and forces row-level security.
grant usage on schema programs to ${appRole};
alter default privileges in schema programs grant select, insert, update, delete on tables to ${appRole};
