package org.itops.knowledge;

import static org.itops.platform.FormValues.blankToNull;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.itops.incident.IncidentQueries;
import org.itops.knowledge.Article.Status;
import org.itops.platform.AccessProperties;
import org.itops.platform.CurrentUser;
import org.itops.platform.InvalidRequestException.FieldError;
import org.itops.platform.InvalidRequestException;
import org.itops.platform.Page;
import org.itops.platform.Timeline;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The knowledge base as people use it: search, suggestions for an incident, an article as its reader may see it, and
 * the uses counted (an article that helped with an incident, or solved a requester's problem).
 */
@Service
public class KnowledgeBase {

  static final int MAX_QUERY_TERMS = 32;
  static final int MAX_QUERY_LENGTH = 500;
  static final int SUGGESTIONS = 5;

  private final KnowledgeRepository articles;
  private final IncidentQueries incidents;
  private final Timeline timeline;
  private final Clock clock;
  private final CurrentUser currentUser;
  private final Set<String> staffGroups;
  private final KnowledgeReadRule readRule;

  KnowledgeBase(KnowledgeRepository articles, Timeline timeline, Clock clock, CurrentUser currentUser,
      AccessProperties access, KnowledgeReadRule readRule, IncidentQueries incidents) {
    this.articles = articles;
    this.incidents = incidents;
    this.timeline = timeline;
    this.clock = clock;
    this.currentUser = currentUser;
    this.staffGroups = Set.copyOf(access.staffGroups());
    this.readRule = readRule;
  }

  // --- using ------------------------------------------------------------------------------------------

  /**
   * The article helped with the incident; counted once per article and incident. Answers whether this call counted
   * it (false: it was marked before).
   */
  @Transactional
  public boolean markUsed(String number, String incident) {
    requirePublished(number);
    if (incident == null || !incidents.exists(incident)) {
      throw new InvalidRequestException("incident", "reason.notAnIncident", incident);
    }
    boolean counted = articles.recordUse(number, incident, currentUser.id(), clock.instant());
    if (counted) {
      timeline.record(number, "USED", "timeline.knowledge.used", incident);
    }
    return counted;
  }

  /**
   * The article solved the current user's problem without an incident (they read it in the portal while reporting
   * and reported nothing). Counted like a use, once per article and user; answers whether this call counted it.
   */
  @Transactional
  public boolean markSolved(String number) {
    requirePublished(number);
    boolean counted = articles.recordSelfHelp(number, currentUser.id(), clock.instant());
    if (counted) {
      timeline.record(number, "SOLVED", "timeline.knowledge.solved");
    }
    return counted;
  }

  private void requirePublished(String number) {
    Article article = articles.find(number).orElseThrow(() -> new InvalidRequestException("article",
        "reason.article.unknown", number));
    if (article.getPublishedVersion() == null || article.getStatus() == Status.RETIRED) {
      throw new InvalidRequestException("article", "reason.article.notPublished", number);
    }
  }

  /** Published articles for an incident's text, its category and configuration item lifted. */
  @Transactional(readOnly = true)
  public List<KnowledgeRepository.Hit> suggest(String title, String description, String category,
      String configurationItem) {
    List<String> terms = SearchTerms.ofQuery((title == null ? "" : title) + " " + (description == null ? ""
        : description), MAX_QUERY_TERMS);
    return articles.search(new KnowledgeRepository.Query(terms, null, null, category, configurationItem, 0,
        SUGGESTIONS)).items();
  }

  // --- reading ----------------------------------------------------------------------------------------

  @Transactional(readOnly = true)
  public Page<KnowledgeRepository.Hit> search(String q, String category, String service, int page, int size) {
    List<FieldError> errors = new ArrayList<>();
    if (q == null || q.isBlank()) {
      errors.add(new FieldError("q", "reason.search.words"));
    } else if (q.length() > MAX_QUERY_LENGTH) {
      errors.add(new FieldError("q", "reason.maxLength", MAX_QUERY_LENGTH));
    }
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
    return articles.search(new KnowledgeRepository.Query(SearchTerms.ofQuery(q, MAX_QUERY_TERMS),
        blankToNull(category), blankToNull(service), null, null, page, size));
  }

  /**
   * The article, if the current user may see it: its readers ({@link KnowledgeReadRule}) every article and its draft;
   * others only what is published, and during a revision the published version.
   */
  @Transactional(readOnly = true)
  public Article view(String number) {
    Article article = articles.find(number).orElseThrow(() -> KnowledgeService.notFound(number));
    if (readRule.readsAll()) {
      return article;
    }
    if (!article.readByEverybody()) {
      throw KnowledgeService.notFound(number);
    }
    if (article.getStatus() != Status.PUBLISHED) {
      KnowledgeRepository.Version published = versions(number).stream()
          .filter(v -> v.version() == article.getPublishedVersion()).findFirst().orElseThrow();
      article.setContent(new ArticleContent(published.title(), published.symptoms(), published.cause(),
          published.resolution(), published.service(), published.configurationItem(), published.category()));
      article.setVersion(published.version());
      article.setAuthor(published.author());
      article.setStatus(Status.PUBLISHED);
    }
    return article;
  }

  public List<KnowledgeRepository.Version> versions(String number) {
    return articles.versions(number);
  }

  public List<Timeline.Entry> timelineOf(String number) {
    return timeline.of(number);
  }

  /** Whether the current user reads articles in full ({@link KnowledgeReadRule}). */
  boolean readsAll() {
    return readRule.readsAll();
  }

  boolean isStaff() {
    return currentUser.isAdministrator() || currentUser.groups().stream().anyMatch(staffGroups::contains);
  }
}
