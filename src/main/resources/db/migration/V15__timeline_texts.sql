-- A timeline entry as a text of i18n/messages*.properties and its values, so that it reads in the reader's
-- language (org.itops.platform.Timeline); detail keeps the English text of the moment for older readers, and is
-- what an entry written before this version shows.
alter table record_event add column detail_key varchar(100);
alter table record_event add column detail_args varchar(100000);
