-- Challenge engagement: one row per pseudonymous participant and challenge. The title is
-- the challenge's, never a person's.
create table challenge_participant (
    tenant_id     uuid not null,
    challenge_id  uuid not null,
    title         text not null,
    pseudonym     text not null,
    department    text not null,
    location      text not null,
    joined_on     date not null,
    primary key (tenant_id, challenge_id, pseudonym)
);

select kernel.enable_tenant_isolation('reporting.challenge_participant');
