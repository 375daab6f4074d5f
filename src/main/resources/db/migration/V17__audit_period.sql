-- The period an audit's generated evidence covers, when the audit was started with one; none: the calendar quarter
-- before the audit started.
alter table compliance_audit add column period_from timestamp;
alter table compliance_audit add column period_to timestamp;
