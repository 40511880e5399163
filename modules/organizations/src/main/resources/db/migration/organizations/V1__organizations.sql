-- The organization directory: one row per tenant. It is read to find the tenant of an
-- incoming token (before any tenant is known), so it is the one table without
-- row-level security; it holds no employee data.
create table organization (
    id                 uuid primary key,
    slug               text not null unique check (slug ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
    display_name       text not null check (length(display_name) between 1 and 200),
    issuer_uri         text not null unique,
    audience           text not null,
    client_id          text not null,
    client_secret      text,
    email_domains      text[] not null default '{}',
    claim_department   text not null default 'department',
    claim_location     text not null default 'location',
    claim_groups       text not null default 'groups',
    claim_roles        text not null default 'roles',
    role_mappings      jsonb not null default '{}'::jsonb,
    min_group_size     int not null default 5 check (min_group_size between 3 and 50),
    time_zone          text not null default 'UTC',
    scim_token_hash    text,
    created_at         timestamptz not null default now(),
    updated_at         timestamptz not null default now()
);

-- Tenant-owned tables: tenant_id leads every key, and row-level security compares it with
-- the transaction-local setting app.tenant_id. nullif turns the empty string a reset
-- setting leaves behind into NULL, so "no tenant" matches no row instead of failing.
create table department (
    tenant_id   uuid not null references organization (id) on delete cascade,
    id          uuid not null,
    name        text not null check (length(name) between 1 and 200),
    external_id text,
    created_at  timestamptz not null default now(),
    primary key (tenant_id, id),
    unique (tenant_id, name)
);

create table team (
    tenant_id   uuid not null references organization (id) on delete cascade,
    id          uuid not null,
    name        text not null check (length(name) between 1 and 200),
    external_id text,
    source      text not null default 'manual' check (source in ('manual', 'sso', 'scim')),
    created_at  timestamptz not null default now(),
    primary key (tenant_id, id),
    unique (tenant_id, name)
);

create table member (
    tenant_id     uuid not null references organization (id) on delete cascade,
    id            uuid not null,
    issuer        text not null,
    subject       text not null,
    email         text,
    display_name  text,
    department    text,
    location      text,
    roles         text[] not null default '{}',
    active        boolean not null default true,
    external_id   text,
    created_at    timestamptz not null default now(),
    updated_at    timestamptz not null default now(),
    primary key (tenant_id, id),
    unique (tenant_id, issuer, subject)
);

create table team_membership (
    tenant_id uuid not null,
    team_id   uuid not null,
    member_id uuid not null,
    primary key (tenant_id, team_id, member_id),
    foreign key (tenant_id, team_id) references team (tenant_id, id) on delete cascade,
    foreign key (tenant_id, member_id) references member (tenant_id, id) on delete cascade
);

select kernel.enable_tenant_isolation('organizations.department');
select kernel.enable_tenant_isolation('organizations.team');
select kernel.enable_tenant_isolation('organizations.member');
select kernel.enable_tenant_isolation('organizations.team_membership');

grant usage on schema organizations to ${appRole};
grant select, insert, update, delete on all tables in schema organizations to ${appRole};
alter default privileges in schema organizations grant select, insert, update, delete on tables to ${appRole};
