-- Release tables (docs/privacy.md): every figure HR sees comes from cells of at least k
-- people, fixed once per period over a frozen membership, and stored once.

-- Sessions and seconds per member and ISO week, so that a closed week is attributed to the
-- membership frozen for its month rather than to the department an event carried.
create table person_week (
    tenant_id   uuid not null,
    week        date not null,
    pseudonym   text not null,
    sessions    bigint not null,
    seconds     bigint not null,
    primary key (tenant_id, week, pseudonym)
);

-- A month (the ISO weeks whose Thursday falls in it) with its frozen membership's cells and
-- the k they were built for. Never changes once written.
create table release_month (
    tenant_id   uuid not null,
    month       date not null,
    k           int not null,
    frozen_at   timestamptz not null default now(),
    primary key (tenant_id, month)
);

create table release_cell (
    tenant_id   uuid not null,
    month       date not null,
    cell        int not null,
    members     int not null,
    primary key (tenant_id, month, cell)
);

create table release_atom (
    tenant_id   uuid not null,
    month       date not null,
    department  text not null,
    location    text not null,
    cell        int not null,
    members     int not null,
    primary key (tenant_id, month, department, location)
);

create table release_member (
    tenant_id   uuid not null,
    month       date not null,
    pseudonym   text not null,
    cell        int not null,
    primary key (tenant_id, month, pseudonym)
);

-- A closed week or month whose figures are stored; its figures never change afterwards.
create table release_period (
    tenant_id   uuid not null,
    unit        text not null check (unit in ('week', 'month')),
    period      date not null,
    month       date not null,
    built_at    timestamptz not null default now(),
    primary key (tenant_id, unit, period)
);

-- Raw figures per cell (never returned as such: every answer passes the display rule).
-- subject: a program, checklist section or challenge; label: the challenge's title.
create table release_figure (
    tenant_id     uuid not null,
    unit          text not null,
    period        date not null,
    cell          int not null,
    figure        text not null,
    subject       text not null default '',
    label         text not null default '',
    value         bigint not null,
    contributors  bigint not null,
    primary key (tenant_id, unit, period, cell, figure, subject)
);

select kernel.enable_tenant_isolation('reporting.person_week');
select kernel.enable_tenant_isolation('reporting.release_month');
select kernel.enable_tenant_isolation('reporting.release_cell');
select kernel.enable_tenant_isolation('reporting.release_atom');
select kernel.enable_tenant_isolation('reporting.release_member');
select kernel.enable_tenant_isolation('reporting.release_period');
select kernel.enable_tenant_isolation('reporting.release_figure');

-- The overlap rule's record of released populations is replaced by the release tables.
drop table released_population;
-- Daily headcount snapshots are replaced by each month's frozen membership.
drop table headcount_day;
