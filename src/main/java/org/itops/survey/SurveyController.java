package org.itops.survey;

import org.itops.platform.InvalidRequestException;
import org.itops.platform.SuiteText;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.HtmlUtils;

/**
 * The one-page survey behind a mailed link ({@code /survey/<token>.<signature>}), without login: the link is the
 * respondent's proof.
 */
@Controller
class SurveyController {

  private final SurveyService surveys;
  private final SuiteText text;

  SurveyController(SurveyService surveys, SuiteText text) {
    this.surveys = surveys;
    this.text = text;
  }

  @GetMapping(path = "/survey/{link}", produces = MediaType.TEXT_HTML_VALUE)
  ResponseEntity<String> show(@PathVariable String link) {
    Survey survey = surveys.open(link);
    return page(HttpStatus.OK, "survey.title", "<p>" + escape(survey.recordNumber()) + ": " + escape(survey.title())
        + "</p><form method=\"post\"><fieldset><legend>" + text.get("survey.rating") + "</legend>" + ratings()
        + "</fieldset><p><label for=\"comment\">" + text.get("survey.comment") + "</label><br><textarea id=\"comment\""
        + " name=\"comment\" rows=\"4\" cols=\"50\" maxlength=\"2000\"></textarea></p><p><button type=\"submit\">"
        + text.get("survey.send") + "</button></p></form>");
  }

  @PostMapping(path = "/survey/{link}", produces = MediaType.TEXT_HTML_VALUE)
  ResponseEntity<String> answer(@PathVariable String link, @RequestParam(required = false) Integer rating,
      @RequestParam(required = false) String comment) {
    surveys.answer(link, rating, comment);
    return page(HttpStatus.OK, "survey.thanks.title", "<p>" + text.get("survey.thanks") + "</p>");
  }

  @ExceptionHandler(SurveyService.RefusedLinkException.class)
  ResponseEntity<String> refused(SurveyService.RefusedLinkException e) {
    return switch (e.refusal()) {
      case INVALID -> page(HttpStatus.NOT_FOUND, "survey.invalid.title", "<p>" + text.get("survey.invalid") + "</p>");
      case ANSWERED -> page(HttpStatus.CONFLICT, "survey.answered.title", "<p>" + text.get("survey.answered") + "</p>");
      case EXPIRED -> page(HttpStatus.GONE, "survey.expired.title", "<p>" + text.get("survey.expired") + "</p>");
    };
  }

  @ExceptionHandler(InvalidRequestException.class)
  ResponseEntity<String> invalid(InvalidRequestException e) {
    return page(HttpStatus.BAD_REQUEST, "survey.check.title", "<p>" + escape(text.reasons(e))
        + "</p><p><a href=\"\">" + text.get("survey.check.back") + "</a></p>");
  }

  private String ratings() {
    StringBuilder html = new StringBuilder();
    String[] labels = {text.get("survey.rating.worst"), "2", "3", "4", text.get("survey.rating.best")};
    for (int rating = 1; rating <= 5; rating++) {
      html.append("<label><input type=\"radio\" name=\"rating\" value=\"").append(rating).append("\" required> ")
          .append(labels[rating - 1]).append("</label> ");
    }
    return html.toString();
  }

  /** A page in the suite's language, its heading the text of {@code headingKey}. */
  private ResponseEntity<String> page(HttpStatus status, String headingKey, String body) {
    String heading = text.get(headingKey);
    return ResponseEntity.status(status).contentType(MediaType.TEXT_HTML).header("Cache-Control", "no-store")
        .body("<!DOCTYPE html><html lang=\"" + text.language().toLanguageTag() + "\"><head><meta charset=\"utf-8\"><title>"
            + heading
            + "</title><meta name=\"viewport\" content=\"width=device-width\"></head><body style=\"font-family:"
            + " sans-serif; max-width: 40em; margin: 2em auto\"><h1>" + heading + "</h1>" + body + "</body></html>");
  }

  private static String escape(String text) {
    return HtmlUtils.htmlEscape(text);
  }
}
