-- Satisfaction surveys (guide 4.3): one per closed incident and per accepted delivery, answered once through a
-- signed link before it expires.
create table survey (
  id            varchar(36)   primary key,
  record_number varchar(16)   not null,
  respondent    varchar(64)   not null,
  service       varchar(100),
  created_at    timestamp     not null,
  expires_at    timestamp     not null,
  answered_at   timestamp,
  rating        int,
  comment       varchar(2000)
);
create unique index survey_record on survey (record_number, respondent);
create index survey_answered on survey (answered_at);
