-- A released period's figures are read far more often than they are built: each report read
-- thousands of rows (one per cell) and aggregated them. Now each period, figure and subject is
-- one row holding every cell's value, written once when the period is built, so a report reads
-- tens of rows through the primary key. The values are the ones released before, unchanged
-- (rebuilding instead would count late activity into periods already released).
alter table release_figure rename to release_figure_by_cell;
alter table release_figure_by_cell rename constraint release_figure_pkey to release_figure_by_cell_pkey;

-- cells ascending; values and contributors at the same index as their cell. A cell not
-- listed has no figure (never returned as such: every answer passes the display rule).
create table release_figure (
    tenant_id     uuid not null,
    unit          text not null,
    period        date not null,
    figure        text not null,
    subject       text not null default '',
    label         text not null default '',
    cells         int[] not null,
    amounts       bigint[] not null,
    contributors  bigint[] not null,
    primary key (tenant_id, unit, period, figure, subject),
    check (cardinality(cells) = cardinality(amounts) and cardinality(cells) = cardinality(contributors))
);

-- the owner copies every organization's rows (the policy would show it none)
alter table release_figure_by_cell no force row level security;
insert into release_figure (tenant_id, unit, period, figure, subject, label, cells, amounts, contributors)
select tenant_id, unit, period, figure, subject, max(label), array_agg(cell order by cell),
    array_agg(value order by cell), array_agg(contributors order by cell)
from release_figure_by_cell
group by tenant_id, unit, period, figure, subject;
drop table release_figure_by_cell;

select kernel.enable_tenant_isolation('reporting.release_figure');
