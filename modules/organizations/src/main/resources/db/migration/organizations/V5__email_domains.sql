-- An email domain sends the sign-in page to one organization, so it belongs to at most one:
-- the primary key makes the lookup deterministic, and the check keeps domains lower-case so
-- that the key is case-insensitive. Like the directory itself, no row-level security: it is
-- read before any tenant is known, and it holds no employee data.
create table email_domain (
    domain          text primary key check (domain = lower(domain) and length(domain) between 4 and 253),
    organization_id uuid not null references organization (id) on delete cascade,
    created_at      timestamptz not null default now()
);

create index email_domain_by_organization on email_domain (organization_id);

-- a domain several organizations listed stays with the one that listed it first
insert into email_domain (domain, organization_id)
select distinct on (lower(listed.domain)) lower(listed.domain), organization.id
from organization, unnest(organization.email_domains) as listed (domain)
where length(listed.domain) between 4 and 253
order by lower(listed.domain), organization.created_at, organization.id;

alter table organization drop column email_domains;
