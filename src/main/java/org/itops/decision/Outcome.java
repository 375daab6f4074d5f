package org.itops.decision;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * An outcome of a decision table as people compare them: the output of the matching rule ({@code P2}), its outputs
 * by name when it has several ({@code responseTarget=PT30M, resolutionTarget=PT4H}), the rules in order when several
 * match ({@code ... | ...}); empty when no rule matches.
 */
final class Outcome {

  private Outcome() {}

  static String of(List<Map<String, Object>> matchingRules) {
    return matchingRules.stream().map(Outcome::rule).collect(Collectors.joining(" | "));
  }

  private static String rule(Map<String, Object> outputs) {
    if (outputs.size() == 1) {
      return String.valueOf(outputs.values().iterator().next());
    }
    return outputs.entrySet().stream().map(output -> output.getKey() + "=" + output.getValue())
        .collect(Collectors.joining(", "));
  }
}
