package org.itops.survey;

import org.itops.platform.InvalidRequestException;
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

  SurveyController(SurveyService surveys) {
    this.surveys = surveys;
  }

  @GetMapping(path = "/survey/{link}", produces = MediaType.TEXT_HTML_VALUE)
  ResponseEntity<String> show(@PathVariable String link) {
    Survey survey = surveys.open(link);
    return page(HttpStatus.OK, "How did we do?", "<p>" + escape(survey.recordNumber()) + ": " + escape(survey.title())
        + "</p><form method=\"post\"><fieldset><legend>Your rating</legend>" + ratings()
        + "</fieldset><p><label for=\"comment\">Comment (optional)</label><br><textarea id=\"comment\" name=\"comment\""
        + " rows=\"4\" cols=\"50\" maxlength=\"2000\"></textarea></p><p><button type=\"submit\">Send</button></p></form>");
  }

  @PostMapping(path = "/survey/{link}", produces = MediaType.TEXT_HTML_VALUE)
  ResponseEntity<String> answer(@PathVariable String link, @RequestParam(required = false) Integer rating,
      @RequestParam(required = false) String comment) {
    surveys.answer(link, rating, comment);
    return page(HttpStatus.OK, "Thank you", "<p>Your answer is recorded.</p>");
  }

  @ExceptionHandler(SurveyService.RefusedLinkException.class)
  ResponseEntity<String> refused(SurveyService.RefusedLinkException e) {
    return switch (e.refusal()) {
      case INVALID -> page(HttpStatus.NOT_FOUND, "Unknown survey", "<p>This survey link is not valid.</p>");
      case ANSWERED -> page(HttpStatus.CONFLICT, "Already answered", "<p>This survey has been answered. Thank you.</p>");
      case EXPIRED -> page(HttpStatus.GONE, "Survey closed", "<p>This survey has expired.</p>");
    };
  }

  @ExceptionHandler(InvalidRequestException.class)
  ResponseEntity<String> invalid(InvalidRequestException e) {
    return page(HttpStatus.BAD_REQUEST, "Please check your answer", "<p>" + escape(e.getMessage())
        + "</p><p><a href=\"\">Back to the survey</a></p>");
  }

  private static String ratings() {
    StringBuilder html = new StringBuilder();
    String[] labels = {"1 (bad)", "2", "3", "4", "5 (excellent)"};
    for (int rating = 1; rating <= 5; rating++) {
      html.append("<label><input type=\"radio\" name=\"rating\" value=\"").append(rating).append("\" required> ")
          .append(labels[rating - 1]).append("</label> ");
    }
    return html.toString();
  }

  private static ResponseEntity<String> page(HttpStatus status, String heading, String body) {
    return ResponseEntity.status(status).contentType(MediaType.TEXT_HTML).header("Cache-Control", "no-store")
        .body("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + heading
            + "</title><meta name=\"viewport\" content=\"width=device-width\"></head><body style=\"font-family:"
            + " sans-serif; max-width: 40em; margin: 2em auto\"><h1>" + heading + "</h1>" + body + "</body></html>");
  }

  private static String escape(String text) {
    return HtmlUtils.htmlEscape(text);
  }
}
