-- Business calendars: the hours of service of a service that is not served around the clock (catalog_service.hours
-- is '24x7' or the name of a calendar). A calendar works its spans on each weekday in its zone, except on its
-- holidays, and also on its make-up working days (business_calendar_day.kind).
create table business_calendar (
  name        varchar(20)  not null primary key,
  zone        varchar(64)  not null,
  description varchar(500),
  updated_by  varchar(64),
  updated_at  timestamp    not null
);

-- day_of_week 1 (Monday) to 7 (Sunday); times 'HH:MM', an end of '24:00' is the end of the day.
create table business_calendar_span (
  calendar_name varchar(20) not null references business_calendar (name),
  day_of_week   smallint    not null check (day_of_week between 1 and 7),
  starts_at     varchar(5)  not null,
  ends_at       varchar(5)  not null,
  primary key (calendar_name, day_of_week, starts_at)
);

create table business_calendar_day (
  calendar_name varchar(20)  not null references business_calendar (name),
  on_date       date         not null,
  kind          varchar(10)  not null check (kind in ('HOLIDAY', 'WORKING')),
  name          varchar(200) not null,
  primary key (calendar_name, on_date)
);

-- The services of 'business-hours' (the only hours besides 24x7 before calendars) keep them: Monday to Friday,
-- 08:00 to 18:00 in the suite's zone (as the onboarding forms said) (itops.time-zone when this migration ran).
insert into business_calendar (name, zone, description, updated_by, updated_at)
values ('business-hours', '${time_zone}', 'Monday to Friday, 08:00-18:00', 'migration', current_timestamp);
insert into business_calendar_span (calendar_name, day_of_week, starts_at, ends_at)
values ('business-hours', 1, '08:00', '18:00'), ('business-hours', 2, '08:00', '18:00'),
       ('business-hours', 3, '08:00', '18:00'), ('business-hours', 4, '08:00', '18:00'),
       ('business-hours', 5, '08:00', '18:00');

-- China's working days (Asia/Shanghai, 09:00-12:00 and 13:30-18:00 on working days); its public holidays and make-up
-- working days are imported at start from calendars/cn-working-days.ics (calendar.ShippedCalendars).
insert into business_calendar (name, zone, description, updated_by, updated_at)
values ('cn-working-days', 'Asia/Shanghai', 'China: public holidays and make-up working days of the State Council',
        'migration', current_timestamp);
insert into business_calendar_span (calendar_name, day_of_week, starts_at, ends_at)
values ('cn-working-days', 1, '09:00', '12:00'), ('cn-working-days', 1, '13:30', '18:00'),
       ('cn-working-days', 2, '09:00', '12:00'), ('cn-working-days', 2, '13:30', '18:00'),
       ('cn-working-days', 3, '09:00', '12:00'), ('cn-working-days', 3, '13:30', '18:00'),
       ('cn-working-days', 4, '09:00', '12:00'), ('cn-working-days', 4, '13:30', '18:00'),
       ('cn-working-days', 5, '09:00', '12:00'), ('cn-working-days', 5, '13:30', '18:00');
