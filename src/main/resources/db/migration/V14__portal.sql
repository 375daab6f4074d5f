-- A published article that solved a person's problem before they reported it (the portal's "this solved it"):
-- counted in knowledge_article.use_count like a use for an incident, once per article and person.
create table knowledge_self_help (
  article_number  varchar(16) not null,
  user_id         varchar(64) not null,
  at              timestamp   not null,
  primary key (article_number, user_id)
);

-- "My requests" of the portal reads each kind's records by the person who asked (demands and security incidents
-- have their index already).
create index incident_reporter on incident (reporter);
create index change_request_requester on change_request (requester);
create index survey_respondent on survey (respondent);
