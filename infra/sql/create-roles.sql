-- Run once as a superuser on an external PostgreSQL before the first start of Limber.
-- Replace the passwords; give them to Limber as LIMBER_DB_OWNER_PASSWORD and LIMBER_DB_APP_PASSWORD.
create role limber_owner login password 'change-me-owner' nosuperuser nobypassrls;
create role limber_app login password 'change-me-app' nosuperuser nobypassrls nocreatedb nocreaterole;
create database limber owner limber_owner;
revoke all on database limber from public;
grant connect on database limber to limber_app;
-- PostgreSQL 15 or newer: lets Limber's connections set their temp_file_limit
-- (limber.db.timeouts.temp-file-limit); on older versions use instead:
--   alter role limber_app set temp_file_limit = '1GB';
grant set on parameter temp_file_limit to limber_app;
