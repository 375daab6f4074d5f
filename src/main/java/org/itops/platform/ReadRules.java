package org.itops.platform;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The read rule of each kind of record ({@link ReadRule}), found by the prefix of a record number. */
@Component
public class ReadRules {

  private final Map<String, ReadRule> byPrefix = new HashMap<>();

  ReadRules(List<ReadRule> rules) {
    for (ReadRule rule : rules) {
      for (String prefix : rule.prefixes()) {
        if (byPrefix.put(prefix, rule) != null) {
          throw new IllegalStateException("Two read rules for the records " + prefix + "-...");
        }
      }
    }
  }

  /** The rule of the record's kind; empty for a number of no known kind. */
  public Optional<ReadRule> of(String number) {
    int dash = number.indexOf('-');
    return dash < 0 ? Optional.empty() : Optional.ofNullable(byPrefix.get(number.substring(0, dash)));
  }

  /** Whether the current user reads the record in full; false for a number of no known kind. */
  public boolean reads(String number) {
    return of(number).map(rule -> rule.reads(number)).orElse(false);
  }

  /** Whether the current user reads every record of each kind (given by the prefix of its numbers, {@code INC}). */
  public boolean readsAllOf(List<String> prefixes) {
    return prefixes.stream().allMatch(prefix -> byPrefix.containsKey(prefix) && byPrefix.get(prefix).readsAll());
  }
}
