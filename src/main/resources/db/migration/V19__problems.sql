-- Problems (guide 1.3): the record behind each problem-management instance. The root-cause reviews of major incidents
-- (problem_record, V2) stay where they are: the A.5.24 audit evidence reads them, and each review now also raises
-- or joins a problem here.
create table problem (
  number                varchar(16)   primary key,
  title                 varchar(200)  not null,
  description           varchar(4000),
  category              varchar(50)   not null,
  configuration_item    varchar(200),
  service               varchar(100),
  source                varchar(20)   not null,
  status                varchar(20)   not null,
  -- the item (or service) and category while the problem is open, null once closed: the unique index lets two
  -- incidents registered at the same moment open one problem, not two
  open_key              varchar(320),
  root_cause            varchar(4000),
  contributing_factors  varchar(4000),
  workaround            varchar(4000),
  known_error_article   varchar(16),
  fix_change            varchar(16),
  raised_by             varchar(64)   not null,
  created_at            timestamp     not null,
  root_cause_at         timestamp,
  fixed_at              timestamp,
  recurred_after_fix    boolean       not null default false,
  updated_at            timestamp     not null,
  closed_at             timestamp
);
create unique index problem_open_key on problem (open_key);
create index problem_status on problem (status);

-- The incidents of a problem (linked by the suite when they recur, or by people).
create table problem_incident (
  problem_number   varchar(16) not null references problem (number),
  incident_number  varchar(16) not null,
  linked_by        varchar(64) not null,
  linked_at        timestamp   not null,
  primary key (problem_number, incident_number)
);
create index problem_incident_incident on problem_incident (incident_number);

-- Recurrence: the incidents of an item (or a service) and category in a window, counted at every registration.
create index incident_recurrence_item on incident (configuration_item, category, reported_at);
create index incident_recurrence_service on incident (service, category, reported_at);

create sequence record_number_prb start with 1;
