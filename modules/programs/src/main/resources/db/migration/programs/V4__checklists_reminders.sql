-- Ergonomic self-assessments: one row per (re-)take; answers per item, saved section by section.
create table assessment (
    tenant_id     uuid not null,
    id            uuid not null,
    member_id     uuid not null,
    started_at    timestamptz not null default now(),
    completed_at  timestamptz,
    primary key (tenant_id, id)
);
create index assessment_member on assessment (tenant_id, member_id, started_at);

create table assessment_answer (
    tenant_id      uuid not null,
    assessment_id  uuid not null,
    item_id        text not null,
    section        text not null,
    passed         boolean not null,
    primary key (tenant_id, assessment_id, item_id),
    foreign key (tenant_id, assessment_id) references assessment (tenant_id, id) on delete cascade
);

-- Checklist items an organization adds to the default workstation checklist.
create table own_checklist_item (
    tenant_id   uuid not null,
    id          text not null check (id ~ '^[a-z0-9-]{2,60}$'),
    section     text not null,
    question    text not null check (length(question) between 3 and 300),
    fix         text not null check (length(fix) between 3 and 1000),
    exercises   text[] not null default '{}',
    primary key (tenant_id, id)
);

-- Movement-break settings and the personal calendar feed (only the token's hash is kept).
create table reminder_settings (
    tenant_id         uuid not null,
    member_id         uuid not null,
    work_start        time not null default '09:00',
    work_end          time not null default '17:00',
    work_days         int[] not null default '{1,2,3,4,5}',
    interval_minutes  int not null default 60 check (interval_minutes between 30 and 60),
    break_minutes     int not null default 5 check (break_minutes between 1 and 15),
    time_zone         text not null,
    feed_token_hash   text unique,
    primary key (tenant_id, member_id)
);

select kernel.enable_tenant_isolation('programs.assessment');
select kernel.enable_tenant_isolation('programs.assessment_answer');
select kernel.enable_tenant_isolation('programs.own_checklist_item');
select kernel.enable_tenant_isolation('programs.reminder_settings');

-- A calendar app fetches the feed without signing in, so the tenant is not known yet. This
-- narrow function, owned by the owner role, finds the one feed a token hash belongs to; the
-- owner (and only the owner, never the runtime role) may read all rows for that.
do $$
begin
    execute format('create policy feed_lookup on reminder_settings for select to %I using (true)', current_user);
end $$;

create function feed_owner(token_hash text) returns table (tenant_id uuid, member_id uuid)
language sql stable security definer set search_path = programs, pg_temp as $$
    select tenant_id, member_id from programs.reminder_settings where feed_token_hash = token_hash
$$;
revoke all on function feed_owner(text) from public;
grant execute on function feed_owner(text) to ${appRole};
