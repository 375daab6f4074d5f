package org.itops.knowledge;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.itops.attachment.Attachments;
import org.itops.platform.CurrentUser;
import org.itops.platform.IdempotencyKeys;
import org.itops.platform.InvalidRequestException;
import org.itops.platform.NotAllowedException;
import org.itops.platform.Page;
import org.itops.platform.Timeline;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/knowledge}: propose, read, search, revise and retire articles; mark one used for an incident. */
@RestController
@RequestMapping("/api/knowledge")
class KnowledgeController {

  static final int MAX_PAGE_SIZE = 50;

  private final KnowledgeService knowledge;
  private final KnowledgeBase base;
  private final IdempotencyKeys idempotencyKeys;
  private final CurrentUser currentUser;
  private final Attachments attachments;

  KnowledgeController(KnowledgeService knowledge, KnowledgeBase base, IdempotencyKeys idempotencyKeys,
      CurrentUser currentUser, Attachments attachments) {
    this.knowledge = knowledge;
    this.base = base;
    this.idempotencyKeys = idempotencyKeys;
    this.currentUser = currentUser;
    this.attachments = attachments;
  }

  /** The body of a proposal: the article's text, and optionally the group that reviews it. */
  record Proposal(String title, String symptoms, String cause, String resolution, String service,
      String configurationItem, String category, String owningGroup) {

    ArticleContent content() {
      return new ArticleContent(title, symptoms, cause, resolution, service, configurationItem, category);
    }
  }

  /** An article with its published versions and its history. */
  record Details(String number, String title, String symptoms, String cause, String resolution, String service,
      String configurationItem, String category, String owningGroup, String status, int version,
      Integer publishedVersion, String author, List<String> reviewers, String sourceIncident, long useCount,
      Instant createdAt, Instant publishedAt, List<KnowledgeRepository.Version> versions,
      List<Timeline.Entry> timeline, List<Attachments.Summary> attachments) {}

  record Use(String incident) {}

  record Retirement(String reason) {}

  @PostMapping
  ResponseEntity<Map<String, Object>> propose(@RequestBody Proposal proposal,
      @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
    IdempotencyKeys.Created created = idempotencyKeys.createOnce("knowledge", currentUser.id(), idempotencyKey,
        idempotencyKeys.fingerprint(proposal), () -> knowledge.propose(proposal.content(), proposal.owningGroup()));
    return created.answerAt("/api/knowledge/" + created.recordNumber());
  }

  @GetMapping("/{number}")
  Details get(@PathVariable String number) {
    Article a = base.view(number);
    boolean inFull = base.readsAll();
    return new Details(a.getNumber(), a.getTitle(), a.getSymptoms(), a.getCause(), a.getResolution(), a.getService(),
        a.getConfigurationItem(), a.getCategory(), a.getOwningGroup(), a.getStatus().name(), a.getVersion(),
        a.getPublishedVersion(), a.getAuthor(), a.getReviewers() == null ? List.of() : List.of(a.getReviewers()
        .split(",")), a.getSourceIncident(), a.getUseCount(), a.getCreatedAt(), a.getPublishedAt(),
        base.versions(number), inFull ? base.timelineOf(number) : List.of(),
        attachments.of(number));
  }

  @GetMapping
  Map<String, Object> search(@RequestParam(required = false) String q,
      @RequestParam(required = false) String category, @RequestParam(required = false) String service,
      @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
    InvalidRequestException.checkPage(page, size, MAX_PAGE_SIZE);
    Page<KnowledgeRepository.Hit> found = base.search(q, category, service, page, size);
    return found.answer(page, size);
  }

  @PostMapping("/{number}/revisions")
  ResponseEntity<Map<String, Object>> revise(@PathVariable String number) {
    knowledge.revise(number);
    return ResponseEntity.accepted().body(Map.of("number", number, "location", "/api/knowledge/" + number));
  }

  @PostMapping("/{number}/retire")
  ResponseEntity<Void> retire(@PathVariable String number, @RequestBody(required = false) Retirement retirement) {
    knowledge.retire(number, retirement == null ? null : retirement.reason());
    return ResponseEntity.noContent().build();
  }

  /** The article solved the caller's problem, who reports no incident for it (the portal's "this solved it"). */
  @PostMapping("/{number}/solved")
  Map<String, Object> solved(@PathVariable String number) {
    boolean counted = base.markSolved(number);
    return Map.of("article", number, "counted", counted, "useCount", knowledge.load(number).getUseCount());
  }

  @PostMapping("/{number}/uses")
  Map<String, Object> use(@PathVariable String number, @RequestBody Use use) {
    if (!base.isStaff()) {
      throw new NotAllowedException("detail.forbidden.articleUse");
    }
    boolean counted = base.markUsed(number, use.incident());
    return Map.of("article", number, "incident", String.valueOf(use.incident()), "counted", counted,
        "useCount", knowledge.load(number).getUseCount());
  }

}
