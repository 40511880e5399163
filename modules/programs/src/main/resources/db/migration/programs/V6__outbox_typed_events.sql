-- Before participation events were typed, a member without a department or location was
-- written as the text "null", which reporting special-cased. Events are records now and write
-- a JSON null; events still waiting from before are rewritten once, so readers need no special case.
-- The migration owner is subject to the forced row-level security like everyone else: lift it
-- for this one statement, inside the migration's transaction.
alter table participation_outbox no force row level security;

update participation_outbox
set payload = payload
    || case when payload ->> 'department' = 'null' then '{"department": null}'::jsonb else '{}'::jsonb end
    || case when payload ->> 'location' = 'null' then '{"location": null}'::jsonb else '{}'::jsonb end
where payload ->> 'department' = 'null' or payload ->> 'location' = 'null';

alter table participation_outbox force row level security;
