-- Service reviews (guide 4.2, 4.4): the KPI report of a period, its review and the improvements it decided.
create sequence record_number_rev start with 1;
create table service_review (
  number        varchar(16)   primary key,
  period_from   timestamp     not null,
  period_to     timestamp     not null,
  service       varchar(100),
  kpis          varchar(8000) not null,
  assessment    varchar(4000),
  actions       varchar(4000),
  status        varchar(20)   not null,
  created_at    timestamp     not null,
  closed_at     timestamp
);

-- Improvements (guide 8): a PDCA cycle with the KPI it targets measured before and after.
create table improvement (
  number        varchar(16)   primary key,
  title         varchar(200)  not null,
  description   varchar(4000),
  source        varchar(100)  not null,
  target_kpi    varchar(40),
  service       varchar(100),
  status        varchar(20)   not null,
  cycle         int           not null default 0,
  baseline      decimal(12, 2),
  result        decimal(12, 2),
  outcome       varchar(20),
  proposed_by   varchar(64)   not null,
  created_at    timestamp     not null,
  closed_at     timestamp
);

-- Training (guide 8.3): who completed which training, from which improvement.
create table training_record (
  improvement_number varchar(16)  not null references improvement (number),
  user_id            varchar(64)  not null,
  topic              varchar(200) not null,
  completed_at       timestamp    not null,
  notes              varchar(2000),
  primary key (improvement_number, user_id, topic)
);
