-- Knowledge articles (guide 5.3): the record behind each knowledge-article instance. The row holds the version
-- being written or the one published; published_version is the version that search and requesters see.
create table knowledge_article (
  number             varchar(16)   primary key,
  title              varchar(200)  not null,
  symptoms           varchar(4000),
  cause              varchar(4000),
  resolution         varchar(4000) not null,
  service            varchar(100),
  configuration_item varchar(200),
  category           varchar(50),
  owning_group       varchar(64)   not null,
  status             varchar(20)   not null,
  version            int           not null,
  published_version  int,
  author             varchar(64)   not null,
  reviewers          varchar(1000),
  source_incident    varchar(16),
  use_count          bigint        not null default 0,
  created_at         timestamp     not null,
  updated_at         timestamp     not null,
  published_at       timestamp
);
create index knowledge_article_status on knowledge_article (status);

-- Every published version, so that a revision keeps the history of what was published before.
create table knowledge_article_version (
  article_number     varchar(16)   not null,
  version            int           not null,
  title              varchar(200)  not null,
  symptoms           varchar(4000),
  cause              varchar(4000),
  resolution         varchar(4000) not null,
  service            varchar(100),
  configuration_item varchar(200),
  category           varchar(50),
  author             varchar(64)   not null,
  reviewer           varchar(64)   not null,
  published_at       timestamp     not null,
  primary key (article_number, version)
);

-- The search index of published articles: one row per article and word, weighted by the fields it occurs in.
-- Plain SQL on an indexed column, the same on H2 and PostgreSQL (no full-text extension of either).
create table knowledge_term (
  article_number varchar(16) not null,
  term           varchar(50) not null,
  weight         int         not null,
  primary key (article_number, term)
);
create index knowledge_term_term on knowledge_term (term, article_number, weight);

-- An article used to resolve an incident: counted once per incident however often it is marked.
create table knowledge_use (
  article_number  varchar(16) not null,
  incident_number varchar(16) not null,
  user_id         varchar(64),
  at              timestamp   not null,
  primary key (article_number, incident_number)
);
