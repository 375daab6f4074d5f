package org.itops.catalog;

import java.util.ArrayList;
import java.util.List;
import org.itops.platform.InvalidRequestException.FieldError;

/** A new service as proposed (API body, Tasklist start form). */
public record ServiceProposal(String name, String description, String owner, String supportGroup,
    ServiceLevel level) {

  static final int MAX_NAME = 100;
  static final int MAX_DESCRIPTION = 2000;

  /** The problems that can be judged without the database and the identity service. */
  List<FieldError> fieldErrors(List<String> hoursNames) {
    List<FieldError> errors = new ArrayList<>();
    if (name == null || name.isBlank()) {
      errors.add(new FieldError("name", "reason.required"));
    } else if (name.strip().length() > MAX_NAME) {
      errors.add(new FieldError("name", "reason.maxLength", MAX_NAME));
    } else if (name.contains("@") || name.contains(";")) {
      errors.add(new FieldError("name", "reason.noSeparators"));
    }
    if (description != null && description.length() > MAX_DESCRIPTION) {
      errors.add(new FieldError("description", "reason.maxLength", MAX_DESCRIPTION));
    }
    if (owner == null || owner.isBlank()) {
      errors.add(new FieldError("owner", "reason.service.owner"));
    }
    level.addErrors(errors, hoursNames);
    return errors;
  }
}
