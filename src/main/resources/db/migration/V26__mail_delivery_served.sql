-- One job sends a mail to all its recipients (notification.NotificationService#deliver): the recipients it has served
-- are the rows of its mail-delivery instance, so that a retry after a failed recipient sends to nobody twice.
alter table notification_log add column delivery_id varchar(64);
create index notification_log_delivery on notification_log (delivery_id);
