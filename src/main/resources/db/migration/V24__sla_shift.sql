-- A calendar change counts only the remaining SLA time in the changed calendar (incident.SlaRecalculation): the
-- working time it found already counted, less what the changed calendar counts up to the change, in seconds. The
-- clock adds it to every target, so later recalculations (priority, pauses) keep the time counted before.
alter table incident add column sla_shift_seconds bigint not null default 0;
