package org.itops.survey;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.itops.platform.CurrentUser;
import org.itops.platform.Hmac;
import org.itops.platform.InvalidRequestException;
import org.itops.platform.RecordNumbers;
import org.itops.platform.SuiteProperties;
import org.itops.platform.Timeline;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Satisfaction surveys. A link carries the survey's random token and its HMAC signature, so that a changed link is
 * refused before anything is read; a survey is answered once, before it expires.
 */
@Service
public class SurveyService {

  static final String PROCESS_KEY = "satisfaction-survey";
  static final String RECORD_PREFIX = "SVY";
  static final String MESSAGE_ANSWERED = "survey.answered";

  /** Why a link cannot be answered; the page says so. */
  public enum Refusal { INVALID, ANSWERED, EXPIRED }

  /** A link that cannot be answered. */
  public static class RefusedLinkException extends RuntimeException {
    private final Refusal refusal;

    RefusedLinkException(Refusal refusal) {
      super(refusal.name());
      this.refusal = refusal;
    }

    public Refusal refusal() {
      return refusal;
    }
  }

  private final SurveyRepository surveys;
  private final RecordNumbers recordNumbers;
  private final Timeline timeline;
  private final Clock clock;
  private final RuntimeService runtimeService;
  private final CurrentUser currentUser;
  private final SurveyProperties properties;
  private final String baseUrl;

  SurveyService(SurveyRepository surveys, RecordNumbers recordNumbers, Timeline timeline, Clock clock,
      RuntimeService runtimeService, CurrentUser currentUser, SurveyProperties properties, SuiteProperties suite) {
    this.surveys = surveys;
    this.recordNumbers = recordNumbers;
    this.timeline = timeline;
    this.clock = clock;
    this.runtimeService = runtimeService;
    this.currentUser = currentUser;
    this.properties = properties;
    this.baseUrl = suite.baseUrl();
    // the embedded default's keys start with dev- and are published: anyone could forge links signed with them
    if (suite.productionMode() && properties.secret().startsWith("dev-")) {
      throw new IllegalStateException("Production mode refuses to start: itops.surveys.secret is the embedded"
          + " default's published key. Set ITOPS_SURVEY_SECRET to a random key of 16 characters or more.");
    }
  }

  /**
   * Asks {@code respondent} about the record (a closed incident, an accepted delivery): starts
   * {@code satisfaction-survey}, which creates the survey and mails the link. One survey per record and respondent.
   */
  @Transactional
  public void request(String recordNumber, String title, String respondent, String service) {
    if (surveys.asked(recordNumber, respondent)) {
      return;
    }
    Map<String, Object> variables = new HashMap<>();
    variables.put("surveyedRecord", recordNumber);
    variables.put("title", title);
    variables.put("respondent", respondent);
    variables.put("service", service);
    currentUser.asSystem(() -> runtimeService.startProcessInstanceByKey(PROCESS_KEY, variables));
  }

  /** Creates the survey; the process's first step. */
  @Transactional
  public Survey create(String recordNumber, String title, String respondent, String service) {
    Instant now = clock.instant();
    Survey survey = new Survey(recordNumbers.next(RECORD_PREFIX), UUID.randomUUID().toString(), recordNumber, title,
        respondent, service, now, now.plus(properties.validity()), null, null, null);
    surveys.insert(survey);
    timeline.record(recordNumber, "SURVEY_SENT", "timeline.survey.sent", survey.number(), respondent,
        survey.expiresAt());
    return survey;
  }

  /** The link to the survey's page: its token and the token's signature. */
  public String link(Survey survey) {
    return baseUrl + "/survey/" + survey.token() + "." + signature(survey.token());
  }

  /**
   * What {@link #answer} takes for the survey that asked {@code respondent} about the record: the end of its mailed
   * link (token and signature); for the demo data, whose users answer without reading their mail.
   */
  @Transactional(readOnly = true)
  public Optional<String> linkKey(String recordNumber, String respondent) {
    return surveys.find(recordNumber, respondent).map(survey -> survey.token() + "." + signature(survey.token()));
  }

  /** A survey waiting for its respondent's answer, with the end of its link (what {@link #answer} takes). */
  public record Waiting(String number, String recordNumber, String title, Instant createdAt, Instant expiresAt,
      String link) {}

  /** The surveys the respondent may still answer (the portal offers them next to their tasks), newest first. */
  @Transactional(readOnly = true)
  public List<Waiting> waitingFor(String respondent) {
    return surveys.waitingFor(respondent, clock.instant()).stream()
        .map(survey -> new Waiting(survey.number(), survey.recordNumber(), survey.title(), survey.createdAt(),
            survey.expiresAt(), survey.token() + "." + signature(survey.token())))
        .toList();
  }

  /** The survey of a link, if the link is genuine and may still be answered. */
  @Transactional(readOnly = true)
  public Survey open(String link) {
    Survey survey = genuine(link);
    if (survey.answeredAt() != null) {
      throw new RefusedLinkException(Refusal.ANSWERED);
    }
    if (!clock.instant().isBefore(survey.expiresAt())) {
      throw new RefusedLinkException(Refusal.EXPIRED);
    }
    return survey;
  }

  /** Stores the answer (once) and tells the survey's process, which follows a low rating up. */
  @Transactional
  public Survey answer(String link, Integer rating, String comment) {
    Survey survey = open(link);
    if (rating == null || rating < 1 || rating > 5) {
      throw new InvalidRequestException("rating", "reason.rating.choose");
    }
    if (comment != null && comment.length() > 2000) {
      throw new InvalidRequestException("comment", "reason.maxLength", 2000);
    }
    String text = comment == null || comment.isBlank() ? null : comment.strip();
    // the condition makes a second answer at the same moment change nothing
    if (!surveys.answer(survey.number(), clock.instant(), rating, text)) {
      throw new RefusedLinkException(Refusal.ANSWERED);
    }
    timeline.record(survey.recordNumber(), "SURVEY_ANSWERED", "timeline.rating", rating, Timeline.because(text));
    currentUser.asSystem(() -> runtimeService.createMessageCorrelation(MESSAGE_ANSWERED)
        .processInstanceBusinessKey(survey.number()).setVariable("rating", rating).setVariable("comment", text)
        .correlateWithResult());
    return find(survey.number()).orElseThrow();
  }

  Optional<Survey> find(String number) {
    return surveys.find(number);
  }

  private Survey genuine(String link) {
    int dot = link == null ? -1 : link.lastIndexOf('.');
    if (dot < 0 || !Hmac.isLinkSignature(properties.secret(), link.substring(0, dot), link.substring(dot + 1))) {
      throw new RefusedLinkException(Refusal.INVALID);
    }
    return surveys.withToken(link.substring(0, dot)).orElseThrow(() -> new RefusedLinkException(Refusal.INVALID));
  }

  private String signature(String token) {
    return Hmac.forLink(properties.secret(), token);
  }
}
