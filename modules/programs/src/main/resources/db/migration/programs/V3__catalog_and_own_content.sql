-- The global catalog, copied from the versioned YAML at every start-up by the owner role.
-- The runtime role may only read it: organizations cannot change the global catalog.
create table catalog_exercise (
    slug          text primary key,
    name          text not null,
    category      text not null,
    position      text not null,
    body_areas    text[] not null,
    equipment     text[] not null,
    desk_friendly boolean not null,
    document      jsonb not null
);

create table catalog_routine (
    slug          text primary key,
    name          text not null,
    category      text not null,
    total_seconds int not null,
    document      jsonb not null
);

create table catalog_program (
    slug      text primary key,
    name      text not null,
    weeks     int not null,
    document  jsonb not null
);

revoke insert, update, delete, truncate on catalog_exercise, catalog_routine, catalog_program from ${appRole};

-- An organization's own exercises and routines, written in the same shape as the YAML
-- catalog and validated by the same code.
create table own_exercise (
    tenant_id   uuid not null,
    slug        text not null,
    document    jsonb not null,
    created_at  timestamptz not null default now(),
    primary key (tenant_id, slug)
);

create table own_routine (
    tenant_id   uuid not null,
    slug        text not null,
    document    jsonb not null,
    created_at  timestamptz not null default now(),
    primary key (tenant_id, slug)
);

select kernel.enable_tenant_isolation('programs.own_exercise');
select kernel.enable_tenant_isolation('programs.own_routine');
