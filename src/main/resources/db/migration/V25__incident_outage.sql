-- Availability (issue 18): an incident marked as an outage makes its service unavailable from the outage start (the
-- alert's startsAt, the reporter's word, else the report) to its resolution. A major incident is an outage unless
-- triage unmarks it; the incidents before this migration are marked by that default.
alter table incident add column outage boolean not null default false;
alter table incident add column outage_start timestamp;
update incident set outage = true, outage_start = reported_at where major;
-- the availability of a period reads the outages of a service that started before its end
create index incident_outage on incident (service, outage, outage_start);

-- A month of a service below its availability target starts one continuous improvement (review.ReviewService), also
-- when the review is retried or the month reviewed again.
create table availability_improvement (
  service            varchar(100)  not null,
  period_from        timestamp     not null,
  review_number      varchar(16)   not null,
  improvement_number varchar(16),
  primary key (service, period_from)
);
