package org.itops.platform;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.ibatis.builder.xml.XMLMapperBuilder;
import org.apache.ibatis.session.Configuration;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSessionFactory;
import org.springframework.stereotype.Component;

/**
 * Two of the engine's queries asked so that their cost does not grow with the open tasks: the engine grants each
 * open task to its candidate groups with an authorization of its own, so 100,000 open tasks are 100,000 rows of
 * {@code ACT_RU_AUTHORIZATION} (docs/benchmarks.md, "Tasklist's filters at 100,000 open incidents").
 *
 * <p><b>The task query</b>, which Tasklist's filters run for their page and its count, with the same authorization
 * check. The engine joins the authorizations to the tasks {@code ON AUTH.RESOURCE_ID_ IN (RES.ID_, D.KEY_, '*')}. No
 * database can hash or merge on such an "or" of three columns, so it looks the authorizations up three times for
 * every task of the query. Here the same rule, a task is seen when an authorization of the user or one of their
 * groups grants READ on the task or READ_TASK on its process definition (or on all of them, {@code '*'}), is asked as
 * three {@code EXISTS}, one per column (the task's id, its process definition's key, {@code '*'}), each a lookup in
 * the index on {@code RESOURCE_ID_}, the first two for grants of their own resource type only. A task's candidate
 * groups and users are asked the same way, {@code EXISTS} in its identity links, instead of the engine's join. Nothing
 * is joined that gives a task more than once, so the page needs no {@code DISTINCT}: the database reads the tasks in
 * the order of the page and stops at its last one, where a {@code DISTINCT} over every column of the task made
 * PostgreSQL read (and sort) every task it rejected before the first page (docs/benchmarks.md). Two queries keep the
 * engine's join and its {@code DISTINCT}: one asking for an involved user (the engine asks one identity link to meet
 * both that and the candidate criteria), and one sorted by a variable (joined: a name may have several values in one
 * process instance). (Three joins of the granted resources, and before them a set of task ids, {@code RES.ID_ IN (...
 * UNION ALL ...)}, were measured too: docs/benchmarks.md.) Revoking authorizations ({@code authorizationCheckRevokes}),
 * which the suite does not use, keep the engine's check. The count of a Tasklist filter stops at {@value
 * FilterCountLimit#MORE} ({@link FilterCountLimit}). The statements are the engine's own, read from its mapping ({@code
 * Task.xml}) at start and changed in the places named here only. Should a Camunda upgrade change those places, the
 * start fails here rather than run a query whose check nobody has read.
 *
 * <p><b>The groups that have authorizations</b>, which the engine asks at the start of every command that checks one
 * (it leaves the user's other groups out of its checks): {@code SELECT distinct(GROUP_ID_)} reads every row of the
 * table; here each group is looked up in the index on {@code GROUP_ID_} after the one before (a recursive query),
 * a few dozen lookups however many tasks are open. Authorizations of users only (no group) are left out of the
 * answer, which the engine compares with a user's group ids only.
 *
 * <p>The engine is told to run these statements instead of its own through its statement mappings, the way it has
 * database-specific statements. {@code AuthorizationQueriesTest} runs each both ways and compares.
 */
@Component
public class AuthorizationQueries extends AbstractProcessEnginePlugin {

  static final String NAMESPACE = "org.itops.platform.AuthorizationQueries";
  private static final String ENGINE_MAPPING = "org/camunda/bpm/engine/impl/mapping/entity/Task.xml";
  private static final String ENGINE_NAMESPACE = "org.camunda.bpm.engine.impl.persistence.entity.TaskEntity";
  private static final String AUTHORIZATION = "org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity";

  /** The engine's statements that the suite's replace, by the name the engine runs them, and the suite's name. */
  static final Map<String, String> STATEMENTS = Map.of(
      "selectTaskByQueryCriteria", "selectTasksAuthorizedBySet",
      "selectTaskCountByQueryCriteria", "selectTaskCountAuthorizedBySet",
      "selectAuthorizedGroupIds", "selectGroupIdsByIndex");

  /** Each group of the authorizations after the one before, in the index on GROUP_ID_ (a loose index scan). */
  private static final String GROUP_IDS_BY_INDEX = """
      <select id="selectGroupIdsByIndex" resultType="string">
        WITH RECURSIVE GROUPS_ (GROUP_ID_) AS (
          SELECT MIN(A.GROUP_ID_) FROM ${prefix}ACT_RU_AUTHORIZATION A
          UNION ALL
          SELECT (SELECT MIN(A.GROUP_ID_) FROM ${prefix}ACT_RU_AUTHORIZATION A WHERE A.GROUP_ID_ &gt; G.GROUP_ID_)
          FROM GROUPS_ G WHERE G.GROUP_ID_ IS NOT NULL)
        SELECT GROUP_ID_ FROM GROUPS_ WHERE GROUP_ID_ IS NOT NULL
      </select>""";

  /** The engine's join of the authorizations, which the suite's check does without. */
  private static final Pattern AUTHORIZATION_JOIN = Pattern.compile(
      "<include refid=\"" + Pattern.quote(AUTHORIZATION + ".authCheckJoinWithoutOnClause") + "\"\\s*/>\\s*"
          + Pattern.quote("AUTH ON (AUTH.RESOURCE_ID_ ${authJoinStart} RES.ID_ ${authJoinSeparator} D.KEY_"
          + " ${authJoinSeparator} '*' ${authJoinEnd})"));

  /** The engine's check of the joined authorizations, which the suite's three lookups replace. */
  private static final Pattern AUTHORIZATION_CHECK = Pattern.compile(
      "<include refid=\"" + Pattern.quote(AUTHORIZATION + ".contextualAuthorizationCheck") + "\"\\s*/>");

  /**
   * A task is seen when a grant of the user's on the task, on its process definition or on all of them exists, or,
   * while CMMN is on, when it is a case task, which the engine shows everybody: the engine's check of its join, for
   * a lookup per permission the engine checks (READ on the task's id, READ_TASK on its process definition's key) and
   * one of {@code '*'}. Each lookup asks for grants of its own resource type: the engine's join also takes a grant of
   * the one type on the other's id (a task grant whose resource id is a process definition's key), which no grant
   * that Camunda makes is; asking for it made the database read the task grants a second time. With revoking
   * authorizations, or permissions that must all hold, it is the engine's own check, which joins nothing.
   */
  private static final String CHECK_OF_GRANTS = """
      <choose>
        <when test="authCheck.shouldPerformAuthorizatioCheck &amp;&amp; authCheck.authUserId != null
            &amp;&amp; !authCheck.revokeAuthorizationCheckEnabled &amp;&amp; authCheck.permissionChecks.disjunctive">
          <bind name="authGroupIds" value="authCheck.authGroupIds" />
          <bind name="atomicChecks" value="authCheck.permissionChecks.atomicChecks" />
          <bind name="disjunctive" value="authCheck.permissionChecks.disjunctive" />
          and (
            <if test="applyAuthorizationCheckForCaseInstances">RES.CASE_EXECUTION_ID_ IS NOT NULL OR</if>
            <foreach item="permCheck" index="index" collection="atomicChecks">
              EXISTS (<include refid="grantsOfUser" />
                AND A.RESOURCE_TYPE_ = #{permCheck.resourceType, jdbcType=INTEGER}
                AND ${bitand1}A.PERMS_${bitand2}#{permCheck.perms, jdbcType=INTEGER}${bitand3}
                  = #{permCheck.perms, jdbcType=INTEGER}
                AND A.RESOURCE_ID_ = ${permCheck.resourceIdQueryParam}) OR
            </foreach>
            EXISTS (<include refid="grantsOfUser" />
              <include refid="%1$s.atomicChecksOnResourceTypeAndPerms" /> AND A.RESOURCE_ID_ = '*')
          )
        </when>
        <otherwise>
          <include refid="%1$s.contextualAuthorizationCheck" />
        </otherwise>
      </choose>""".formatted(AUTHORIZATION);

  /** The engine's test whether to join the identity links: for the candidate criteria or the involved user. */
  private static final String IDENTITY_LINK_TEST = "query != null &amp;&amp; (query.candidateUser != null"
      + " || query.candidateGroups != null  || query.candidateGroupLike != null || query.involvedUser != null"
      + " || query.withCandidateGroups || query.withCandidateUsers)";

  private static final Pattern IDENTITY_LINK_JOIN = Pattern.compile(Pattern.quote(
      "<if test=\"" + IDENTITY_LINK_TEST + "\">"));

  /** The same test, and joined only for a query that keeps the engine's join ({@link #identityLinksJoined}). */
  private static final String IDENTITY_LINK_JOIN_WHEN_KEPT = "<if test=\"" + IDENTITY_LINK_TEST
      + " &amp;&amp; @org.itops.platform.AuthorizationQueries@identityLinksJoined(_parameter)\">";

  /** The engine's conditions on the joined identity link {@code I} for the candidate criteria. */
  private static final Pattern CANDIDATE_CONDITIONS = Pattern.compile(Pattern.quote("and I.TYPE_ = 'candidate'")
      + ".*?" + Pattern.quote("<if test=\"query.withCandidateUsers\">") + "\\s*"
      + Pattern.quote("and I.USER_ID_ is not null") + "\\s*</if>", Pattern.DOTALL);

  /** The same conditions asked of the task's own identity links, or as the engine asks them where it joins. */
  private static final String CANDIDATE_EXISTS = """
      <choose>
        <when test="@org.itops.platform.AuthorizationQueries@identityLinksJoined(_parameter)">%1$s</when>
        <otherwise>
          and EXISTS (SELECT 1 FROM ${prefix}ACT_RU_IDENTITYLINK I WHERE I.TASK_ID_ = RES.ID_
          %1$s)
        </otherwise>
      </choose>""";

  /** The page's {@code DISTINCT}, which only the joins kept for some queries need. */
  private static final Pattern SELECT_DISTINCT = Pattern.compile(Pattern.quote("select ${distinct}"));

  /** {@code DISTINCT} only when {@link #rowsRepeat} says a task may come more than once. */
  private static final String SELECT_DISTINCT_WHEN_ROWS_REPEAT =
      "select <if test=\"@org.itops.platform.AuthorizationQueries@rowsRepeat(_parameter)\">${distinct}</if>";

  /** The engine's count of the task query's distinct tasks. */
  private static final Pattern COUNT = Pattern.compile(Pattern.quote("${countDistinctBeforeStart} RES.ID_"
      + " ${countDistinctBeforeEnd}") + "\\s*" + Pattern.quote("<include refid=\"selectTaskByQueryCriteriaSql\"/>")
      + "\\s*" + Pattern.quote("${countDistinctAfterEnd}"));

  /**
   * The engine's count (as it is), or while a filter's count runs ({@link FilterCountLimit}) the count of its first
   * {@value FilterCountLimit#MORE} tasks: the database stops reading there (H2 and PostgreSQL both say
   * {@code LIMIT}).
   */
  private static final String COUNT_OF_A_FILTER = """
      <choose>
        <when test="@org.itops.platform.FilterCountLimit@active()">
          SELECT COUNT(*) FROM (SELECT
          <if test="@org.itops.platform.AuthorizationQueries@rowsRepeat(_parameter)">DISTINCT</if>
          RES.ID_ <include refid="selectTaskByQueryCriteriaSql"/>
          LIMIT %d) FILTER_COUNT
        </when>
        <otherwise>
          ${countDistinctBeforeStart} RES.ID_ ${countDistinctBeforeEnd}
          <include refid="selectTaskByQueryCriteriaSql"/>
          ${countDistinctAfterEnd}
        </otherwise>
      </choose>""".formatted(FilterCountLimit.MORE);

  /**
   * The grants of the user and their groups, as the engine selects the authorizations that it joins ({@code
   * authCheckJoinWithoutOnClauseWithBinding}), without its check of resource type and permissions. The engine says
   * {@code TYPE_ < 2} for its global and grant types (0 and 1; revokes are 2); asked as {@code IN (0, 1)}, the type is
   * two values of the first column of the unique indexes on type, user or group, resource type and id, so PostgreSQL
   * finds a user's grants of a resource type in those indexes instead of reading every authorization (the engineer's
   * count of their filter at 100,000 open tasks, docs/benchmarks.md).
   */
  private static final String GRANTS_OF_USER = """
      <sql id="grantsOfUser">
        SELECT A.RESOURCE_ID_ FROM ${prefix}ACT_RU_AUTHORIZATION A
        WHERE A.TYPE_ IN (%d, %d)
        AND ( A.USER_ID_ in ( #{authCheck.authUserId, jdbcType=VARCHAR}, '*')
        <if test="authGroupIds != null &amp;&amp; authGroupIds.size > 0">
          OR A.GROUP_ID_ IN <foreach item="item" index="index" collection="authGroupIds" open="(" separator="," close=")">#{item}</foreach>
        </if>
        )
      </sql>""".formatted(Authorization.AUTH_TYPE_GLOBAL, Authorization.AUTH_TYPE_GRANT);

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    Configuration mybatis = configuration.getSqlSessionFactory().getConfiguration();
    // a shared session factory (several engines in one JVM) already has them
    if (!mybatis.hasStatement(NAMESPACE + "." + STATEMENTS.get("selectAuthorizedGroupIds"))) {
      byte[] mapper = mapper(engineMapping()).getBytes(StandardCharsets.UTF_8);
      new XMLMapperBuilder(new ByteArrayInputStream(mapper), mybatis, NAMESPACE, mybatis.getSqlFragments()).parse();
    }
    DbSqlSessionFactory sessions = configuration.getDbSqlSessionFactory();
    // the engine's mappings of this database (shared by every engine of that type): copied, not changed
    Map<String, String> mappings = sessions.getStatementMappings() == null ? new HashMap<>()
        : new HashMap<>(sessions.getStatementMappings());
    STATEMENTS.forEach((engine, suite) -> mappings.put(engine, NAMESPACE + "." + suite));
    sessions.setStatementMappings(mappings);
  }

  /** The suite's mapper: the engine's two task query statements and their fragments, joins changed; the groups. */
  static String mapper(String engineMapping) {
    String criteria = element(engineMapping, "sql", "selectTaskByQueryCriteriaSql");
    criteria = replaceOnce(criteria, AUTHORIZATION_JOIN, "");
    criteria = replaceOnce(criteria, AUTHORIZATION_CHECK, CHECK_OF_GRANTS);
    criteria = replaceOnce(criteria, IDENTITY_LINK_JOIN, IDENTITY_LINK_JOIN_WHEN_KEPT);
    Matcher candidates = CANDIDATE_CONDITIONS.matcher(criteria);
    if (!candidates.find()) {
      throw changed("has no " + CANDIDATE_CONDITIONS.pattern());
    }
    criteria = replaceOnce(criteria, CANDIDATE_CONDITIONS, CANDIDATE_EXISTS.formatted(candidates.group()));
    StringBuilder mapper = new StringBuilder("""
        <?xml version="1.0" encoding="UTF-8" ?>
        <!DOCTYPE mapper PUBLIC "-//mybatis.org//DTD Mapper 3.0//EN" "http://mybatis.org/dtd/mybatis-3-mapper.dtd">
        <mapper namespace="%s">
        """.formatted(NAMESPACE));
    for (String engine : List.of("selectTaskByQueryCriteria", "selectTaskCountByQueryCriteria")) {
      String statement = element(engineMapping, "select", engine);
      statement = engine.equals("selectTaskCountByQueryCriteria") ? replaceOnce(statement, COUNT, COUNT_OF_A_FILTER)
          : replaceOnce(statement, SELECT_DISTINCT, SELECT_DISTINCT_WHEN_ROWS_REPEAT);
      mapper.append(statement
          .replace("id=\"" + engine + "\"", "id=\"" + STATEMENTS.get(engine) + "\"")
          .replace("resultMap=\"taskResultMap\"", "resultMap=\"" + ENGINE_NAMESPACE + ".taskResultMap\"")
          .replace("refid=\"columnSelection\"", "refid=\"" + ENGINE_NAMESPACE + ".columnSelection\"")).append('\n');
    }
    return mapper.append(criteria).append('\n').append(GRANTS_OF_USER).append('\n').append(GROUP_IDS_BY_INDEX)
        .append("\n</mapper>\n").toString();
  }

  /**
   * Whether the task query keeps the engine's join of the identity links: when one of its queries asks for an
   * involved user, whose condition the engine asks of the same joined link as the candidate criteria.
   */
  public static boolean identityLinksJoined(TaskQueryImpl query) {
    return query.getQueries().stream().anyMatch(part -> part.getInvolvedUser() != null);
  }

  /** Whether the task query's joins may give a task more than once, so that its page needs {@code DISTINCT}. */
  public static boolean rowsRepeat(TaskQueryImpl query) {
    return identityLinksJoined(query)
        || query.getOrderingProperties().stream().anyMatch(ordering -> ordering.getRelation() != null);
  }

  static String engineMapping() {
    try (InputStream in = ProcessEngineConfigurationImpl.class.getClassLoader().getResourceAsStream(ENGINE_MAPPING)) {
      if (in == null) {
        throw new IllegalStateException("The engine's task mapping " + ENGINE_MAPPING + " is not on the class path");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The one element {@code <tag id="id">...</tag>} of the engine's mapping (these elements do not nest). */
  private static String element(String mapping, String tag, String id) {
    Matcher matcher = Pattern.compile("<" + tag + " id=\"" + id + "\".*?</" + tag + ">", Pattern.DOTALL).matcher(mapping);
    if (!matcher.find()) {
      throw changed("has no <" + tag + " id=\"" + id + "\">");
    }
    return matcher.group();
  }

  private static String replaceOnce(String text, Pattern pattern, String replacement) {
    Matcher matcher = pattern.matcher(text);
    if (!matcher.find()) {
      throw changed("has no " + pattern.pattern());
    }
    String replaced = text.substring(0, matcher.start()) + replacement + text.substring(matcher.end());
    if (pattern.matcher(replaced.substring(matcher.start() + replacement.length())).find()) {
      throw changed("has " + pattern.pattern() + " more than once");
    }
    return replaced;
  }

  private static IllegalStateException changed(String what) {
    return new IllegalStateException("The engine's task query (" + ENGINE_MAPPING + ") " + what
        + ": Camunda changed it, so AuthorizationQueries must be read against the new one");
  }
}
