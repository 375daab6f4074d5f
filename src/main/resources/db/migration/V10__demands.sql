-- Demands (guide 2): the record behind each service-demand instance, and behind the service-implementation and
-- delivery-acceptance instances it calls (they share the demand's number as business key).
create table demand (
  number             varchar(16)   primary key,
  title              varchar(200)  not null,
  business_need      varchar(4000) not null,
  expected_benefit   varchar(4000) not null,
  requested_date     date          not null,
  cost_band          varchar(10)   not null,
  affected_services  varchar(1000),
  requester          varchar(64)   not null,
  status             varchar(20)   not null,
  feasibility        varchar(20),
  effort_days        int,
  risk               varchar(10),
  approval_route     varchar(20),
  rejections         int           not null default 0,
  spec_version       int           not null default 0,
  feedback_rating    int,
  feedback_comment   varchar(2000),
  created_at         timestamp     not null,
  updated_at         timestamp     not null,
  closed_at          timestamp
);
create index demand_status on demand (status);
create index demand_requester on demand (requester);

-- Every version of a demand's specification (analysis documented, a revision after rejection, a demand change).
create table demand_specification (
  demand_number  varchar(16)   not null references demand (number),
  version        int           not null,
  text           varchar(8000) not null,
  reason         varchar(1000) not null,
  written_by     varchar(64)   not null,
  written_at     timestamp     not null,
  primary key (demand_number, version)
);

-- The delivery of an approved demand: implementation (guide 3) and acceptance (guide 6).
create table demand_delivery (
  demand_number        varchar(16)   primary key references demand (number),
  design_reference     varchar(500),
  plan                 varchar(4000),
  milestones           varchar(2000),
  people               varchar(1000),
  budget               decimal(12, 2),
  environments         varchar(500),
  budget_approved_by   varchar(64),
  qc_failures          int           not null default 0,
  change_number        varchar(16),
  delivery_package     varchar(4000),
  handover             varchar(4000),
  acceptance_rounds    int           not null default 0,
  signed_off_by        varchar(64),
  signed_off_at        timestamp,
  warranty_until       timestamp,
  warranty_incidents   varchar(2000),
  went_well            varchar(4000),
  to_improve           varchar(4000),
  lessons              varchar(4000)
);
