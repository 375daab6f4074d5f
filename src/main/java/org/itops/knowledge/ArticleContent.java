package org.itops.knowledge;

import java.util.ArrayList;
import java.util.List;
import org.itops.platform.InvalidRequestException.FieldError;

/**
 * What an author writes: the API's proposal body, the start form and the "Write article" form.
 *
 * @param category a category of the DMN table incident-assignment, or null
 */
public record ArticleContent(String title, String symptoms, String cause, String resolution, String service,
    String configurationItem, String category) {

  static final int MAX_TITLE = 200;
  static final int MAX_TEXT = 4000;
  static final int MAX_SERVICE = 100;
  static final int MAX_CONFIGURATION_ITEM = 200;

  /** The problems of the fields that can be judged without the engine (the category needs the DMN table). */
  List<FieldError> fieldErrors() {
    List<FieldError> errors = new ArrayList<>();
    required("title", title, MAX_TITLE, errors);
    maxLength("symptoms", symptoms, MAX_TEXT, errors);
    maxLength("cause", cause, MAX_TEXT, errors);
    if (resolution == null || resolution.isBlank()) {
      errors.add(new FieldError("resolution", "reason.article.resolution"));
    } else {
      maxLength("resolution", resolution, MAX_TEXT, errors);
    }
    maxLength("service", service, MAX_SERVICE, errors);
    maxLength("configurationItem", configurationItem, MAX_CONFIGURATION_ITEM, errors);
    return errors;
  }

  private static void required(String field, String value, int max, List<FieldError> errors) {
    if (value == null || value.isBlank()) {
      errors.add(new FieldError(field, "reason.required"));
    } else {
      maxLength(field, value, max, errors);
    }
  }

  private static void maxLength(String field, String value, int max, List<FieldError> errors) {
    if (value != null && value.length() > max) {
      errors.add(new FieldError(field, "reason.maxLength", max));
    }
  }
}
