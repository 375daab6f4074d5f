package org.itops.knowledge;

import static org.itops.knowledge.KnowledgeProcess.Var;
import static org.itops.platform.FormValues.blankToNull;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RuntimeService;
import org.itops.catalog.ServiceCatalog;
import org.itops.cmdb.CmdbService;
import org.itops.cmdb.ConfigurationItem;
import org.itops.incident.IncidentQueries;
import org.itops.knowledge.Article.Status;
import org.itops.platform.AccessProperties;
import org.itops.platform.CurrentUser;
import org.itops.platform.InvalidRequestException.FieldError;
import org.itops.platform.InvalidRequestException;
import org.itops.platform.NotAllowedException;
import org.itops.platform.NotFoundException;
import org.itops.platform.RecordNumbers;
import org.itops.platform.Timeline;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What happens to knowledge articles as they are written: proposed, reviewed, published, revised and retired. The
 * process calls it through thin delegates, in the transaction of the step; the API for proposals, revisions and
 * retirement. How people find and use the published ones is {@link KnowledgeBase}.
 */
@Service
public class KnowledgeService {

  /** The group that owns articles whose category names none (and articles without a category). */
  static final String DEFAULT_OWNING_GROUP = "service-desk";

  private final KnowledgeRepository articles;
  private final IncidentQueries incidents;
  private final KnowledgeBase base;
  private final RecordNumbers recordNumbers;
  private final Timeline timeline;
  private final Clock clock;
  private final DecisionService decisionService;
  private final RuntimeService runtimeService;
  private final CurrentUser currentUser;
  private final Set<String> staffGroups;
  private final ServiceCatalog catalog;
  private final CmdbService cmdb;

  KnowledgeService(KnowledgeRepository articles, KnowledgeBase base, RecordNumbers recordNumbers, Timeline timeline,
      Clock clock, DecisionService decisionService, RuntimeService runtimeService, CurrentUser currentUser,
      AccessProperties access, ServiceCatalog catalog, CmdbService cmdb, IncidentQueries incidents) {
    this.articles = articles;
    this.incidents = incidents;
    this.base = base;
    this.recordNumbers = recordNumbers;
    this.timeline = timeline;
    this.clock = clock;
    this.decisionService = decisionService;
    this.runtimeService = runtimeService;
    this.currentUser = currentUser;
    this.catalog = catalog;
    this.cmdb = cmdb;
    this.staffGroups = Set.copyOf(access.staffGroups());
  }

  // --- proposing and writing --------------------------------------------------------------------------

  /**
   * Starts {@code knowledge-article} for a proposal of the current user; the engine checks that the user may start
   * it, the first step validates. Answers the new record number.
   */
  @Transactional
  public String propose(ArticleContent content, String owningGroup) {
    Map<String, Object> variables = contentVariables(content);
    variables.put(Var.OWNING_GROUP, owningGroup);
    return runtimeService.startProcessInstanceByKey(KnowledgeProcess.KEY, variables).getBusinessKey();
  }

  /**
   * Validates a proposal and creates the draft; called by the process's first step. An article proposed from an
   * incident is filed under the incident's category and configuration item.
   */
  @Transactional
  public Article register(ArticleContent proposed, String owningGroup, String author, String sourceIncident) {
    ArticleContent content = proposed;
    String incidentEngineer = null;
    if (sourceIncident != null) {
      IncidentQueries.Facts incident = incidents.facts(sourceIncident).orElseThrow(() ->
          new InvalidRequestException(Var.SOURCE_INCIDENT, "reason.notAnIncident", sourceIncident));
      // the service stays the one proposed: an incident's service was never among what an article takes from it
      content = new ArticleContent(proposed.title(), proposed.symptoms(), proposed.cause(), proposed.resolution(),
          proposed.service(), firstNonNull(proposed.configurationItem(), incident.configurationItem()),
          firstNonNull(proposed.category(), incident.category()));
      incidentEngineer = incident.engineer();
    }
    List<FieldError> errors = validate(content);
    if (owningGroup != null && !owningGroup.isBlank() && !staffGroups.contains(owningGroup)) {
      errors.add(new FieldError(Var.OWNING_GROUP, "reason.oneOf", staffGroups));
    }
    String writer = firstNonNull(author, incidentEngineer);
    if (writer == null) {
      errors.add(new FieldError(Var.AUTHOR, "reason.requiredWithoutLogin"));
    }
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
    Instant now = clock.instant();
    Article article = new Article();
    article.setNumber(recordNumbers.next(KnowledgeProcess.RECORD_PREFIX));
    article.setContent(withCmdbReference(content));
    article.setOwningGroup(owningGroup == null || owningGroup.isBlank() ? owningGroupOf(article.getCategory())
        : owningGroup);
    article.setStatus(Status.DRAFT);
    article.setVersion(1);
    article.setAuthor(writer);
    article.setSourceIncident(sourceIncident);
    article.setCreatedAt(now);
    article.setUpdatedAt(now);
    articles.insert(article);
    timeline.record(article.getNumber(), "PROPOSED", sourceIncident == null ? "timeline.knowledge.proposed"
        : "timeline.knowledge.proposedFrom", writer, article.getTitle(), sourceIncident);
    return article;
  }

  /** Starts a revision of a published article: a new instance for the same number, through the same review. */
  @Transactional
  public void revise(String number) {
    Article article = base.view(number);
    if (article.getStatus() != Status.PUBLISHED) {
      throw new InvalidRequestException("number", "reason.article.notRevisable", number, article.getStatus());
    }
    runtimeService.startProcessInstanceByKey(KnowledgeProcess.KEY, number, Map.of(Var.REVISION_OF, number));
  }

  /** The revision's first step: the next version becomes the draft, written by {@code author}. */
  @Transactional
  public Article beginRevision(String number, String author) {
    if (author == null) {
      throw new InvalidRequestException(Var.AUTHOR, "reason.requiredWithoutLogin");
    }
    if (!articles.beginRevision(number, author, clock.instant())) {
      throw new InvalidRequestException("number", "reason.article.revisionUnderWay", number);
    }
    Article article = load(number);
    timeline.record(number, "REVISION_STARTED", "timeline.knowledge.revisionStarted", article.getVersion(), author);
    return article;
  }

  /** The author's text goes to review. */
  @Transactional
  public Article submit(String number, ArticleContent content) {
    List<FieldError> errors = validate(content);
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
    Article article = load(number);
    article.setContent(withCmdbReference(content));
    article.setStatus(Status.IN_REVIEW);
    save(article);
    timeline.record(number, "SUBMITTED", "timeline.knowledge.submitted", article.getVersion(),
        Timeline.code("owningGroup", article.getOwningGroup()));
    return article;
  }

  @Transactional
  public void returnToAuthor(String number, String comments) {
    Article article = load(number);
    article.setStatus(Status.DRAFT);
    save(article);
    timeline.record(number, "RETURNED", "timeline.typed", comments);
  }

  /** The reviewer approved: the version is kept, becomes the one that search finds, and its words are indexed. */
  @Transactional
  public Article publish(String number, String reviewer) {
    Article article = load(number);
    Instant now = clock.instant();
    article.setStatus(Status.PUBLISHED);
    article.setPublishedVersion(article.getVersion());
    article.setPublishedAt(now);
    Set<String> reviewers = new LinkedHashSet<>();
    if (article.getReviewers() != null) {
      reviewers.addAll(List.of(article.getReviewers().split(",")));
    }
    reviewers.add(reviewer);
    article.setReviewers(String.join(",", reviewers));
    save(article);
    articles.insertVersion(article, reviewer);
    articles.replaceTerms(number, SearchTerms.weigh(article.content()));
    timeline.record(number, "PUBLISHED", "timeline.knowledge.published", article.getVersion(), reviewer);
    return article;
  }

  /** Takes a published article out of search; only its owning group or an administrator may. */
  @Transactional
  public void retire(String number, String reason) {
    Article article = base.view(number);
    if (!currentUser.groups().contains(article.getOwningGroup()) && !currentUser.isAdministrator()) {
      throw new NotAllowedException("detail.forbidden.retireArticle", article.getOwningGroup(), number);
    }
    if (article.getStatus() != Status.PUBLISHED) {
      throw new InvalidRequestException("number", "reason.article.notRetirable", number, article.getStatus());
    }
    article.setStatus(Status.RETIRED);
    save(article);
    articles.deleteTerms(number);
    timeline.record(number, "RETIRED", reason == null || reason.isBlank() ? "timeline.knowledge.retired"
        : "timeline.typed", reason);
  }

  Article load(String number) {
    return articles.find(number).orElseThrow(() -> notFound(number));
  }

  /** The variables of the process that carry the article's text (the forms' fields). */
  static Map<String, Object> contentVariables(ArticleContent content) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(Var.TITLE, content.title());
    variables.put(Var.SYMPTOMS, content.symptoms());
    variables.put(Var.CAUSE, content.cause());
    variables.put(Var.RESOLUTION, content.resolution());
    variables.put(Var.SERVICE, content.service());
    variables.put(Var.CONFIGURATION_ITEM, content.configurationItem());
    variables.put(Var.CATEGORY, content.category());
    return variables;
  }

  /** The field errors of the content, the category checked against the DMN table incident-assignment. */
  List<FieldError> validate(ArticleContent content) {
    List<FieldError> errors = new ArrayList<>(content.fieldErrors());
    String category = blankToNull(content.category());
    if (category != null && supportGroupOf(category) == null) {
      errors.add(new FieldError(Var.CATEGORY, "reason.notACategory", category));
    }
    String service = blankToNull(content.service());
    boolean serviceTooLong = errors.stream().anyMatch(error -> error.field().equals(Var.SERVICE));
    if (service != null && !serviceTooLong && !catalog.isInCatalog(service)) {
      errors.add(new FieldError(Var.SERVICE, "reason.notAService", service));
    }
    return errors;
  }

  /**
   * The content with its configuration item named as the CMDB names it ({@code name@environment}), as incidents name
   * theirs, so that suggestions find the articles of an incident's item; free text stays as it is.
   */
  private ArticleContent withCmdbReference(ArticleContent content) {
    return cmdb.resolve(content.configurationItem(), null).map(ConfigurationItem::reference)
        .map(reference -> new ArticleContent(content.title(), content.symptoms(), content.cause(), content.resolution(),
            content.service(), reference, content.category()))
        .orElse(content);
  }

  private String owningGroupOf(String category) {
    String group = category == null ? null : supportGroupOf(category);
    return group == null ? DEFAULT_OWNING_GROUP : group;
  }

  /** The support group that the DMN table incident-assignment gives the category, or null for an unknown one. */
  private String supportGroupOf(String category) {
    // a lookup of the suite's own, not an evaluation by the caller: whoever writes an article may file it
    var result = currentUser.asSystem(() -> decisionService.evaluateDecisionByKey("incident-assignment")
        .variables(Map.of(Var.CATEGORY, category)).evaluate().getSingleResult());
    return result == null ? null : result.getSingleEntry();
  }

  private void save(Article article) {
    article.setUpdatedAt(clock.instant());
    articles.update(article);
  }

  private static String firstNonNull(String first, String second) {
    return first != null && !first.isBlank() ? first : second;
  }

  static NotFoundException notFound(String number) {
    return new NotFoundException("detail.notFound.article", number);
  }
}
