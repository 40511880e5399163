-- SCIM provisioning creates members before their first sign-in: they have a userName and
-- an externalId but no subject yet. The first sign-in whose subject (or Entra ID's oid)
-- equals the externalId claims the row.
alter table member alter column subject drop not null;
alter table member add column user_name text;
create unique index member_user_name on member (tenant_id, lower(user_name)) where user_name is not null;
create index member_external_id on member (tenant_id, external_id) where external_id is not null;
create index team_external_id on team (tenant_id, external_id) where external_id is not null;
