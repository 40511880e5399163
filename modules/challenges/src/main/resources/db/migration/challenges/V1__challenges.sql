-- Team stretch challenges. Scores are never stored: they are computed from the entries,
-- which are the challenge's own copy of the activity log with the team each activity was
-- logged for, so a member who moves team later leaves their past activity where it was.
grant usage on schema challenges to ${appRole};
alter default privileges in schema challenges grant select, insert, update, delete on tables to ${appRole};

create table challenge (
    tenant_id         uuid not null,
    id                uuid not null,
    title             text not null check (length(title) between 1 and 120),
    description       text not null default '' check (length(description) <= 2000),
    starts_at         timestamptz not null,
    ends_at           timestamptz not null,
    time_zone         text not null,
    metric            text not null check (metric in ('sessions', 'minutes')),
    routines          text[] not null default '{}',
    categories        text[] not null default '{}',
    daily_cap         int not null check (daily_cap between 1 and 1440),
    grace_hours       int not null default 72 check (grace_hours between 0 and 336),
    show_individuals  boolean not null default false,
    team_choice       boolean not null default false,
    published         boolean not null default false,
    created_by        uuid not null,
    created_at        timestamptz not null default now(),
    updated_at        timestamptz not null default now(),
    primary key (tenant_id, id),
    check (ends_at > starts_at)
);

-- A challenge's teams: the organization's own teams (org_team_id) or teams made for it.
create table challenge_team (
    tenant_id     uuid not null,
    challenge_id  uuid not null,
    id            uuid not null,
    name          text not null check (length(name) between 1 and 200),
    org_team_id   uuid,
    primary key (tenant_id, challenge_id, id),
    unique (tenant_id, challenge_id, name),
    foreign key (tenant_id, challenge_id) references challenge (tenant_id, id) on delete cascade
);

-- public_name is kept only while the member agrees to appear by name.
create table participant (
    tenant_id     uuid not null,
    challenge_id  uuid not null,
    member_id     uuid not null,
    team_id       uuid,
    public_name   text check (length(public_name) between 1 and 200),
    joined_at     timestamptz not null default now(),
    primary key (tenant_id, challenge_id, member_id),
    foreign key (tenant_id, challenge_id) references challenge (tenant_id, id) on delete cascade,
    foreign key (tenant_id, challenge_id, team_id) references challenge_team (tenant_id, challenge_id, id)
);

create table entry (
    tenant_id         uuid not null,
    challenge_id      uuid not null,
    activity_id       uuid not null,
    member_id         uuid not null,
    team_id           uuid not null,
    slug              text not null,
    category          text not null,
    duration_seconds  int not null check (duration_seconds > 0),
    completed_at      timestamptz not null,
    logged_at         timestamptz not null,
    primary key (tenant_id, challenge_id, activity_id),
    foreign key (tenant_id, challenge_id, team_id) references challenge_team (tenant_id, challenge_id, id)
        on delete cascade
);
create index entry_member_time on entry (tenant_id, challenge_id, member_id, completed_at);
create index participant_member on participant (tenant_id, member_id);

select kernel.enable_tenant_isolation('challenges.challenge');
select kernel.enable_tenant_isolation('challenges.challenge_team');
select kernel.enable_tenant_isolation('challenges.participant');
select kernel.enable_tenant_isolation('challenges.entry');

grant select, insert, update, delete on all tables in schema challenges to ${appRole};
