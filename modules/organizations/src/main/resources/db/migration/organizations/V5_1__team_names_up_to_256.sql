-- Identity providers send group names of up to 256 characters (SCIM groups become teams).
alter table team drop constraint team_name_check;
alter table team add constraint team_name_check check (length(name) between 1 and 256);
