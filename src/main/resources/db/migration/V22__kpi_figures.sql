-- The KPIs and the service review count records by the time of a step (kpi.KpiService): each period reads the rows of
-- its own days, whatever the size of the history.
create index incident_reported on incident (reported_at);
create index incident_responded on incident (responded_at);
create index incident_resolved on incident (resolved_at);
create index change_request_closed on change_request (closed_at);
create index change_request_created on change_request (created_at);
create index incident_closed on incident (closed_at);

-- The sums of the incident KPIs per day of the incidents closed before the watermark (kpi.IncidentFigures): measure
-- REPORTED, TAKEN or RESOLVED by the day of its step, seconds also counted in the hours of the service
-- (business_seconds); an empty text where the incident has no priority or service.
create table kpi_incident_day (
  measure           varchar(10)   not null,
  on_day            date          not null,
  priority          varchar(2)    not null,
  service           varchar(100)  not null,
  cases             bigint        not null,
  seconds           bigint        not null,
  business_seconds  bigint        not null,
  flag_a            bigint        not null,
  flag_b            bigint        not null,
  primary key (measure, on_day, priority, service)
);
create table kpi_rollup (
  watermark timestamp
);
insert into kpi_rollup (watermark) values (null);
