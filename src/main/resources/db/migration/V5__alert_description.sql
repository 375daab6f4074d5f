-- The alert's description annotation, for the incident it opens (kept out of the process variables).
alter table alert add column description varchar(4000);
