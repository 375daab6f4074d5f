package org.itops.oncall;

/** Names of {@code processes/oncall/on-call-page.bpmn} used from Java (OnCallPageTest checks them). */
final class OnCallPageProcess {

  static final String KEY = "on-call-page";

  static final class Element {
    static final String ACKNOWLEDGE = "acknowledgePage";
    static final String NOT_ACKNOWLEDGED = "notAcknowledgedInTime";
    static final String CALL_WEBHOOK = "callPagingWebhook";

    private Element() {}
  }

  /** The variables of an instance; its business key is the incident's number. */
  static final class Var {
    static final String GROUP = "group";
    static final String PRIORITY = "priority";
    static final String TITLE = "title";
    /** How long a step waits for the acknowledgement, ISO-8601 (the timer's duration). */
    static final String ACKNOWLEDGE_WITHIN = "acknowledgeWithin";
    /** The same in minutes, as the mail and the form say it. */
    static final String ACKNOWLEDGE_MINUTES = "acknowledgeMinutes";
    static final String STEP = "step";
    /** Who is paged at this step: a person, or nobody when the group {@code it-managers} is. */
    static final String PAGED_USER = "pagedUser";
    /** Why they are paged: one of {@link Paged}. */
    static final String PAGED_AS = "pagedAs";
    static final String ACKNOWLEDGE_LINK = "acknowledgeLink";

    private Var() {}
  }

  /** The steps of the escalation, in order. */
  enum Paged { ON_DUTY, NEXT, MANAGER, IT_MANAGERS }

  private OnCallPageProcess() {}
}
