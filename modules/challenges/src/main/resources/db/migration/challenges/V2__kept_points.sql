-- Each member's points per local day (in the challenge's time zone) and team, kept exact by
-- triggers in the same transaction as every entry written or removed, so that a standing
-- reads one row per member and day instead of every entry.
--
-- amount is the uncapped sum (sessions, or seconds) of the entries that count. The daily cap
-- is applied when reading: min(sum, cap) per member and day is what filling the cap "in the
-- order the activities were done" gives, whatever order late activities arrive in. Only a
-- member who played for two teams on one day (they moved that day) needs that order, to know
-- which team the capped points went to: points_kept reads those few days from the entries.
create table member_day (
    tenant_id     uuid not null,
    challenge_id  uuid not null,
    member_id     uuid not null,
    day           date not null,
    team_id       uuid not null,
    amount        bigint not null check (amount >= 0),
    entries       int not null check (entries >= 0),
    primary key (tenant_id, challenge_id, member_id, day, team_id),
    foreign key (tenant_id, challenge_id) references challenge (tenant_id, id) on delete cascade
);

select kernel.enable_tenant_isolation('challenges.member_day');

-- Whether an entry counts under its challenge's rules: inside the window, logged before the
-- grace period ended, and of a routine or category the challenge counts.
create function counts(c challenges.challenge, completed_at timestamptz, logged_at timestamptz, slug text,
    category text) returns boolean
language sql immutable as $$
    select completed_at >= c.starts_at and completed_at < c.ends_at
        and logged_at < c.ends_at + make_interval(hours => c.grace_hours)
        and ((cardinality(c.routines) = 0 and cardinality(c.categories) = 0)
             or slug = any(c.routines) or category = any(c.categories))
$$;

create function amount_of(c challenges.challenge, duration_seconds int) returns bigint
language sql immutable as $$
    select case when c.metric = 'sessions' then 1 else duration_seconds end
$$;

create function keep_added_entries() returns trigger
language plpgsql as $$
begin
    insert into challenges.member_day as k (tenant_id, challenge_id, member_id, day, team_id, amount, entries)
    select e.tenant_id, e.challenge_id, e.member_id, (e.completed_at at time zone c.time_zone)::date, e.team_id,
        sum(challenges.amount_of(c, e.duration_seconds)), count(*)
    from added e
    join challenges.challenge c on c.tenant_id = e.tenant_id and c.id = e.challenge_id
    where challenges.counts(c, e.completed_at, e.logged_at, e.slug, e.category)
    group by 1, 2, 3, 4, 5
    on conflict (tenant_id, challenge_id, member_id, day, team_id)
    do update set amount = k.amount + excluded.amount, entries = k.entries + excluded.entries;
    return null;
end $$;

create function keep_removed_entries() returns trigger
language plpgsql as $$
begin
    -- updates, not upserts: a cascade from a deleted challenge finds nothing left to change
    with removed as (
        select e.tenant_id, e.challenge_id, e.member_id, (e.completed_at at time zone c.time_zone)::date as day,
            e.team_id, sum(challenges.amount_of(c, e.duration_seconds)) as amount, count(*) as entries
        from gone e
        join challenges.challenge c on c.tenant_id = e.tenant_id and c.id = e.challenge_id
        where challenges.counts(c, e.completed_at, e.logged_at, e.slug, e.category)
        group by 1, 2, 3, 4, 5)
    update challenges.member_day k set amount = k.amount - r.amount, entries = k.entries - r.entries
    from removed r
    where k.tenant_id = r.tenant_id and k.challenge_id = r.challenge_id and k.member_id = r.member_id
        and k.day = r.day and k.team_id = r.team_id;
    delete from challenges.member_day k
    where k.entries = 0 and (k.tenant_id, k.challenge_id, k.member_id) in (select tenant_id, challenge_id, member_id from gone);
    return null;
end $$;

create trigger keep_added_entries after insert on entry
referencing new table as added for each statement execute function keep_added_entries();

create trigger keep_removed_entries after delete on entry
referencing old table as gone for each statement execute function keep_removed_entries();

-- Rules change only before a challenge starts, but whatever changed, the kept days follow.
create function rekeep_challenge() returns trigger
language plpgsql as $$
begin
    delete from challenges.member_day where tenant_id = new.tenant_id and challenge_id = new.id;
    insert into challenges.member_day (tenant_id, challenge_id, member_id, day, team_id, amount, entries)
    select e.tenant_id, e.challenge_id, e.member_id, (e.completed_at at time zone new.time_zone)::date, e.team_id,
        sum(challenges.amount_of(new, e.duration_seconds)), count(*)
    from challenges.entry e
    where e.tenant_id = new.tenant_id and e.challenge_id = new.id
        and challenges.counts(new, e.completed_at, e.logged_at, e.slug, e.category)
    group by 1, 2, 3, 4, 5;
    return null;
end $$;

create trigger rekeep_challenge after update on challenge
for each row when ((old.starts_at, old.ends_at, old.time_zone, old.metric, old.routines, old.categories, old.grace_hours)
    is distinct from (new.starts_at, new.ends_at, new.time_zone, new.metric, new.routines, new.categories, new.grace_hours))
execute function rekeep_challenge();

-- Points per member and team straight from the entries: the definition, kept as the check.
-- Written out rather than with counts() and amount_of(), so that it checks them too.
create function points_from_entries(challenge uuid) returns table (member_id uuid, team_id uuid, points bigint)
language sql stable as $$
    with counted as (
        select e.member_id, e.team_id, e.completed_at, e.activity_id,
            (e.completed_at at time zone c.time_zone)::date as day,
            case when c.metric = 'sessions' then 1 else e.duration_seconds end as amount,
            case when c.metric = 'sessions' then c.daily_cap else c.daily_cap * 60 end as cap
        from challenges.entry e
        join challenges.challenge c on c.tenant_id = e.tenant_id and c.id = e.challenge_id
        where e.challenge_id = points_from_entries.challenge
          and e.completed_at >= c.starts_at and e.completed_at < c.ends_at
          and e.logged_at < c.ends_at + make_interval(hours => c.grace_hours)
          and ((cardinality(c.routines) = 0 and cardinality(c.categories) = 0)
               or e.slug = any(c.routines) or e.category = any(c.categories))),
    running as (
        select *, sum(amount) over (partition by member_id, day order by completed_at, activity_id) as upto
        from counted)
    select member_id, team_id, sum(greatest(0, least(amount, cap - (upto - amount))))::bigint
    from running group by member_id, team_id
$$;

-- The same points from the kept days: min(sum, cap) per member and day, except on days a
-- member played for two teams, which are read from their entries as above.
create function points_kept(challenge uuid) returns table (member_id uuid, team_id uuid, points bigint)
language sql stable as $$
    with rules as (
        select ch as rule, ch.tenant_id, ch.time_zone,
            case when ch.metric = 'sessions' then ch.daily_cap else ch.daily_cap * 60 end as cap
        from challenges.challenge ch where ch.id = points_kept.challenge),
    kept as (
        select k.member_id, k.team_id, k.day, k.amount, count(*) over (partition by k.member_id, k.day) as teams
        from challenges.member_day k where k.challenge_id = points_kept.challenge),
    split as (
        select e.member_id, e.team_id, challenges.amount_of(r.rule, e.duration_seconds) as amount, r.cap,
            sum(challenges.amount_of(r.rule, e.duration_seconds))
                over (partition by e.member_id, s.day order by e.completed_at, e.activity_id) as upto
        from (select distinct kept.member_id, kept.day from kept where kept.teams > 1) s
        cross join rules r
        join challenges.entry e on e.tenant_id = r.tenant_id and e.challenge_id = points_kept.challenge
            and e.member_id = s.member_id
            and e.completed_at >= (s.day::timestamp at time zone r.time_zone)
            and e.completed_at < ((s.day + 1)::timestamp at time zone r.time_zone)
        where challenges.counts(r.rule, e.completed_at, e.logged_at, e.slug, e.category))
    select p.member_id, p.team_id, sum(p.points)::bigint from (
        select kept.member_id, kept.team_id, least(kept.amount, r.cap) as points from kept, rules r
        where kept.teams = 1
        union all
        select split.member_id, split.team_id, greatest(0, least(split.amount, split.cap - (split.upto - split.amount)))
        from split) p
    group by p.member_id, p.team_id
$$;

insert into member_day (tenant_id, challenge_id, member_id, day, team_id, amount, entries)
select e.tenant_id, e.challenge_id, e.member_id, (e.completed_at at time zone c.time_zone)::date, e.team_id,
    sum(amount_of(c, e.duration_seconds)), count(*)
from entry e
join challenge c on c.tenant_id = e.tenant_id and c.id = e.challenge_id
where counts(c, e.completed_at, e.logged_at, e.slug, e.category)
group by 1, 2, 3, 4, 5;

-- What the leaderboard last released of each team, and each member's points in it (members
-- who left keep theirs there). A team's shown figures move only when the points of at least
-- k members changed since (LeaderboardPrivacy), so no two releases differ by what one person
-- did. carried: points in the total of members who deleted their data, kept without a name.
-- Points are in the units of member_day.
create table team_release (
    tenant_id     uuid not null,
    challenge_id  uuid not null,
    team_id       uuid not null,
    total         bigint not null,
    carried       bigint not null,
    members       int not null,
    released_at   timestamptz not null,
    primary key (tenant_id, challenge_id, team_id),
    foreign key (tenant_id, challenge_id, team_id) references challenge_team (tenant_id, challenge_id, id)
        on delete cascade
);

create table released_points (
    tenant_id     uuid not null,
    challenge_id  uuid not null,
    team_id       uuid not null,
    member_id     uuid not null,
    points        bigint not null,
    primary key (tenant_id, challenge_id, team_id, member_id),
    foreign key (tenant_id, challenge_id, team_id) references challenge_team (tenant_id, challenge_id, id)
        on delete cascade
);
create index released_points_member on released_points (tenant_id, member_id);

select kernel.enable_tenant_isolation('challenges.team_release');
select kernel.enable_tenant_isolation('challenges.released_points');
