package org.itops.knowledge;

/** Names of {@code processes/knowledge/knowledge-article.bpmn} used from Java; KnowledgeArticleProcessTest checks them. */
final class KnowledgeProcess {

  static final String KEY = "knowledge-article";
  static final String RECORD_PREFIX = "KBA";

  /** Variables the process routes on or shows in forms. */
  static final class Var {
    static final String RECORD_NUMBER = "recordNumber";
    static final String TITLE = "title";
    static final String PRIORITY = "priority";
    static final String SYMPTOMS = "symptoms";
    static final String CAUSE = "cause";
    static final String RESOLUTION = "resolution";
    static final String SERVICE = "service";
    static final String CONFIGURATION_ITEM = "configurationItem";
    static final String CATEGORY = "category";
    static final String OWNING_GROUP = "owningGroup";
    static final String AUTHOR = "author";
    static final String SOURCE_INCIDENT = "sourceIncident";
    static final String REVISION_OF = "revisionOf";
    static final String VERSION = "version";
    static final String DECISION = "decision";
    static final String REVIEW_COMMENTS = "reviewComments";
    static final String REVIEWER = "reviewer";

    private Var() {}
  }

  /** BPMN element ids that Java and the tests refer to. */
  static final class Element {
    static final String REGISTER = "registerArticle";
    static final String WRITE = "writeArticle";
    static final String SUBMIT = "submitForReview";
    static final String REVIEW = "reviewArticle";
    static final String RETURN = "returnToAuthor";
    static final String PUBLISH = "publishArticle";
    static final String PUBLISHED = "articlePublished";

    private Element() {}
  }

  /** The answers of the review form. */
  static final String APPROVE = "approve";
  static final String BACK = "back";

  private KnowledgeProcess() {}
}
