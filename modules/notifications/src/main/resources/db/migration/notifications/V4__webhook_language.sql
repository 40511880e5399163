-- The language a team chat is posted to in, chosen when it is connected (an organization has
-- no language of its own, and one team's channel speaks one).
alter table webhook add column language text not null default 'en' check (language in ('en', 'de'));
