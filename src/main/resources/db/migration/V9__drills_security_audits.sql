-- Security incidents (guide 7.2, 7.4): the record behind each security-incident instance. Confidential: only the
-- security team reads it (org.itops.securityops.SecurityIncidentService); its reporter sees their own report.
create table security_incident (
  number                 varchar(16)   primary key,
  summary                varchar(200)  not null,
  description            varchar(4000) not null,
  severity               varchar(10)   not null,
  affected_assets        varchar(1000),
  reporter               varchar(64)   not null,
  source                 varchar(20)   not null,
  detected_at            timestamp     not null,
  reported_at            timestamp     not null,
  status                 varchar(20)   not null,
  personal_data          boolean,
  records_affected       bigint,
  data_category          varchar(20),
  notify_regulator       boolean,
  notify_subjects        boolean,
  notification_deadline  timestamp,
  notified_at            timestamp,
  lessons_learned        varchar(4000),
  updated_at             timestamp     not null,
  closed_at              timestamp
);
create index security_incident_reporter on security_incident (reporter);
create index security_incident_status on security_incident (status);
