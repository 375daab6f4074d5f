package org.itops.knowledge;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.itops.platform.Filters;
import org.itops.platform.Page;
import org.itops.platform.Table;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** Knowledge articles, their published versions, their search index and their uses. */
@Repository
class KnowledgeRepository {

  /** A published version of an article; the API shows it within its article, without the article's number. */
  record Version(@JsonIgnore String articleNumber, int version, String title, String symptoms, String cause,
      String resolution, String service, String configurationItem, String category, String author, String reviewer,
      Instant publishedAt) {

    /** The article's content as it is published now, by the reviewer. */
    static Version of(Article article, String reviewer) {
      return new Version(article.getNumber(), article.getVersion(), article.getTitle(), article.getSymptoms(),
          article.getCause(), article.getResolution(), article.getService(), article.getConfigurationItem(),
          article.getCategory(), article.getAuthor(), reviewer, article.getPublishedAt());
    }
  }

  /** A search hit: the published version's title and where it applies, with its score. */
  record Hit(String number, String title, String category, String service, String configurationItem,
      long useCount, double score) {}

  private static final Table<Article> ARTICLES = Table.of("knowledge_article", Article.class, "number");
  private static final Table<Version> VERSIONS = Table.of("knowledge_article_version", Version.class,
      "articleNumber");
  /** The hits of {@link #search}, read by the names of the selected columns. */
  private static final RowMapper<Hit> HITS = Table.of("knowledge_article", Hit.class, "number").rows();

  /** What a search looks for; the boosts (suggestions for an incident) lift articles of its category and CI. */
  record Query(List<String> terms, String category, String service, String boostCategory,
      String boostConfigurationItem, int page, int size) {}

  /** How much the same category or configuration item adds to a score (a title word of a rare term adds ~20). */
  static final double CATEGORY_BOOST = 5;
  static final double CONFIGURATION_ITEM_BOOST = 10;

  private final NamedParameterJdbcTemplate jdbc;

  KnowledgeRepository(NamedParameterJdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  void insert(Article article) {
    jdbc.update(ARTICLES.insert(), ARTICLES.parameters(article));
  }

  void update(Article article) {
    jdbc.update(ARTICLES.update(), ARTICLES.parameters(article));
  }

  Optional<Article> find(String number) {
    return jdbc.query(ARTICLES.select() + " where number = :number", new MapSqlParameterSource("number", number),
        ARTICLES.rows()).stream().findFirst();
  }

  /**
   * Moves a published article to a new draft version; answers false when it is not published (retired, or a
   * revision is already under way). One statement, so that two revisions at once cannot both begin.
   */
  boolean beginRevision(String number, String author, Instant now) {
    return jdbc.update("update knowledge_article set status = 'DRAFT', version = version + 1, author = :author,"
        + " updated_at = :now where number = :number and status = 'PUBLISHED'", new MapSqlParameterSource()
        .addValue("number", number).addValue("author", author).addValue("now", Timestamp.from(now))) == 1;
  }

  void insertVersion(Article article, String reviewer) {
    Version version = Version.of(article, reviewer);
    jdbc.update(VERSIONS.insert(), VERSIONS.parameters(version));
  }

  List<Version> versions(String number) {
    return jdbc.query(VERSIONS.select() + " where article_number = :number order by version",
        new MapSqlParameterSource("number", number), VERSIONS.rows());
  }

  /** Replaces the article's terms in the search index. */
  void replaceTerms(String number, Map<String, Integer> weights) {
    deleteTerms(number);
    MapSqlParameterSource[] rows = weights.entrySet().stream().map(term -> new MapSqlParameterSource()
        .addValue("number", number).addValue("term", term.getKey()).addValue("weight", term.getValue()))
        .toArray(MapSqlParameterSource[]::new);
    jdbc.batchUpdate("insert into knowledge_term (article_number, term, weight) values (:number, :term, :weight)",
        rows);
  }

  void deleteTerms(String number) {
    jdbc.update("delete from knowledge_term where article_number = :number",
        new MapSqlParameterSource("number", number));
  }

  /**
   * Published articles that contain any of the terms, best first: the sum over the matching terms of the term's
   * weight in the article times its rarity (idf: a word that few articles have says more), plus the boosts; ties go
   * to the newest. Plain SQL on the indexed term column, the same on H2 and PostgreSQL.
   */
  Page<Hit> search(Query query) {
    if (query.terms().isEmpty()) {
      return new Page<>(List.of(), 0);
    }
    MapSqlParameterSource parameters = new MapSqlParameterSource().addValue("terms", query.terms())
        .addValue("limit", query.size()).addValue("offset", (long) query.page() * query.size());
    Map<String, Long> articlesWithTerm = new java.util.HashMap<>();
    jdbc.query("select term, count(*) from knowledge_term where term in (:terms) group by term", parameters,
        rs -> {
          articlesWithTerm.put(rs.getString(1), rs.getLong(2));
        });
    if (articlesWithTerm.isEmpty()) {
      return new Page<>(List.of(), 0);
    }
    long articles = jdbc.queryForObject("select count(*) from knowledge_article where published_version is not null"
        + " and status <> 'RETIRED'", new MapSqlParameterSource(), Long.class);
    StringBuilder rarity = new StringBuilder("case term");
    int i = 0;
    for (Map.Entry<String, Long> term : articlesWithTerm.entrySet()) {
      rarity.append(" when :t").append(i).append(" then :w").append(i);
      parameters.addValue("t" + i, term.getKey()).addValue("w" + i, Math.log(1 + (double) articles / term.getValue()));
      i++;
    }
    rarity.append(" else 0 end");
    String where = new Filters(parameters).equal("v.category", "category", query.category())
        .equal("v.service", "service", query.service()).where();
    String boost = "0";
    if (query.boostCategory() != null) {
      boost += " + case when v.category = :boostCategory then " + CATEGORY_BOOST + " else 0 end";
      parameters.addValue("boostCategory", query.boostCategory());
    }
    if (query.boostConfigurationItem() != null) {
      boost += " + case when v.configuration_item = :boostCi then " + CONFIGURATION_ITEM_BOOST + " else 0 end";
      parameters.addValue("boostCi", query.boostConfigurationItem());
    }
    String matches = " from (select article_number, sum(weight * " + rarity + ") as relevance from knowledge_term"
        + " where term in (:terms) group by article_number) s"
        + " join knowledge_article a on a.number = s.article_number"
        + " join knowledge_article_version v on v.article_number = a.number and v.version = a.published_version"
        + where;
    long total = jdbc.queryForObject("select count(*)" + matches, parameters, Long.class);
    List<Hit> items = jdbc.query("select a.number, v.title, v.category, v.service, v.configuration_item,"
            + " a.use_count, s.relevance + " + boost + " as score, v.published_at" + matches
            + " order by score desc, v.published_at desc, a.number desc limit :limit offset :offset", parameters,
        HITS);
    return new Page<>(new ArrayList<>(items), total);
  }

  /** Records the use; answers false when the article was already marked for that incident. */
  boolean recordUse(String article, String incident, String user, Instant at) {
    // insert-if-absent rather than catching the duplicate key, which would abort a PostgreSQL transaction
    int inserted = jdbc.update("insert into knowledge_use (article_number, incident_number, user_id, at)"
        + " select :article, :incident, :user, :at from knowledge_article where number = :article and not exists"
        + " (select 1 from knowledge_use where article_number = :article and incident_number = :incident)",
        new MapSqlParameterSource().addValue("article", article).addValue("incident", incident)
            .addValue("user", user).addValue("at", Timestamp.from(at)));
    if (inserted == 1) {
      countUse(article);
    }
    return inserted == 1;
  }

  /** Counts the article for a user it helped without an incident, once per article and user. */
  boolean recordSelfHelp(String article, String user, Instant at) {
    int inserted = jdbc.update("insert into knowledge_self_help (article_number, user_id, at)"
        + " select :article, :user, :at from knowledge_article where number = :article and not exists"
        + " (select 1 from knowledge_self_help where article_number = :article and user_id = :user)",
        new MapSqlParameterSource().addValue("article", article).addValue("user", user)
            .addValue("at", Timestamp.from(at)));
    if (inserted == 1) {
      countUse(article);
    }
    return inserted == 1;
  }

  private void countUse(String article) {
    jdbc.update("update knowledge_article set use_count = use_count + 1 where number = :article",
        new MapSqlParameterSource("article", article));
  }
}
