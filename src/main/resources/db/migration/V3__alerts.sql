-- Alerts from monitoring (Alertmanager, Zabbix): one row per alert identity, the current episode in it.
-- The unique (source, identity) makes two identical webhooks at the same moment one alert, and one incident.
create table alert (
  number           varchar(16)   primary key,
  source           varchar(20)   not null,
  identity         varchar(200)  not null,
  status           varchar(10)   not null,
  level            varchar(10),
  alert_name       varchar(200)  not null,
  severity         varchar(30),
  service          varchar(100),
  environment      varchar(30),
  instance         varchar(200),
  summary          varchar(1000),
  labels           varchar(4000) not null,
  generator_url    varchar(1000),
  starts_at        timestamp,
  ends_at          timestamp,
  first_seen       timestamp     not null,
  last_seen        timestamp     not null,
  occurrences      bigint        not null,
  episodes         int           not null,
  incident_number  varchar(16),
  resolved_at      timestamp,
  constraint alert_identity unique (source, identity)
);
create index alert_incident on alert (incident_number);
insert into record_sequence (prefix, last_value) values ('ALR', 0);
