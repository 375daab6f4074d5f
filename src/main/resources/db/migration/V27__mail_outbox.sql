-- The mails that mail steps asked for and that are not sent yet (notification.MailOutbox): a mail step writes one
-- row in its own transaction, a thread of the suite sends the mail once that transaction has committed and removes
-- the row. Only a mail that fails then becomes a mail-delivery instance (a retrying job, then an incident in
-- Cockpit). A row whose node stopped before sending it is sent by any node once its claim has run out.
create table mail_outbox (
  id                  varchar(64)   primary key,
  record_number       varchar(32),
  template            varchar(100),
  notify_groups       varchar(4000) not null,
  notify_users        varchar(4000) not null,
  -- the values the template uses, as a JSON object of texts
  template_values     varchar(100000) not null,
  process_instance_id varchar(64),
  activity_id         varchar(255),
  requested_at        timestamp     not null,
  -- a sender has it until then; null: nobody has taken it yet
  claimed_until       timestamp
);
create index mail_outbox_requested on mail_outbox (requested_at);
