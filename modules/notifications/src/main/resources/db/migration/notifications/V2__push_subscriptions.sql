-- A member's browsers and devices that accepted push notifications. The endpoint is the push
-- service's address for one subscription; p256dh and auth are the browser's public keys for
-- encrypting to it (RFC 8291). A push service answering 404 or 410 removes the row.
create table push_subscription (
    tenant_id   uuid not null,
    id          uuid not null,
    member_id   uuid not null,
    endpoint    text not null check (length(endpoint) between 1 and 1000),
    p256dh      text not null check (length(p256dh) between 80 and 100),
    auth        text not null check (length(auth) between 16 and 30),
    created_at  timestamptz not null,
    primary key (tenant_id, id),
    unique (tenant_id, endpoint)
);
create index push_subscription_member on push_subscription (tenant_id, member_id);

select kernel.enable_tenant_isolation('notifications.push_subscription');

grant select, insert, update, delete on all tables in schema notifications to ${appRole};
