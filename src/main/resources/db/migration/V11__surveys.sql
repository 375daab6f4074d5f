-- Satisfaction surveys (guide 4.3): one per closed incident and per accepted delivery (its record), answered once
-- through a signed link before it expires. SVY-000123 is the business key of its satisfaction-survey instance.
create sequence record_number_svy start with 1;
create table survey (
  number        varchar(16)   primary key,
  token         varchar(36)   not null,
  record_number varchar(16)   not null,
  title         varchar(200)  not null,
  respondent    varchar(64)   not null,
  service       varchar(100),
  created_at    timestamp     not null,
  expires_at    timestamp     not null,
  answered_at   timestamp,
  rating        int,
  comment       varchar(2000)
);
create unique index survey_token on survey (token);
create unique index survey_record on survey (record_number, respondent);
create index survey_answered on survey (answered_at);
