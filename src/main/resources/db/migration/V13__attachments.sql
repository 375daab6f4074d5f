-- Attachments of records (incidents, demands, changes, security incidents, knowledge articles): uploaded or mailed
-- files with their content. ${large_object} is BLOB on H2 and oid (a large object) on PostgreSQL, the types that
-- both JDBC drivers write and read as streams (org.itops.platform.MigrationPlaceholders).
create table attachment (
  id            varchar(32)     primary key,
  record_number varchar(32)     not null,
  file_name     varchar(255)    not null,
  content_type  varchar(100)    not null,
  size_bytes    bigint          not null,
  sha256        varchar(64)     not null,
  uploaded_by   varchar(64)     not null,
  uploaded_at   timestamp       not null,
  content       ${large_object} not null
);
create index attachment_record on attachment (record_number);

-- A row per record with attachments, locked by each upload to it until its transaction ends: two uploads at once
-- cannot both pass the record's limits.
create table attachment_lock (
  record_number varchar(32) primary key
);
