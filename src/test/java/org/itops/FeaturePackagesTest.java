package org.itops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The packages of the features stand on a ground floor and on each other without a circle: {@code platform} imports
 * no feature, and no feature reaches itself through the features it imports (read from the imports of the sources).
 */
class FeaturePackagesTest {

  private static final Path MAIN = Path.of("src", "main", "java", "org", "itops");
  private static final Pattern IMPORT = Pattern.compile("^import (?:static )?org\\.itops\\.(\\w+)\\.",
      Pattern.MULTILINE);

  @Test
  void thePlatformImportsNoFeature() throws IOException {
    assertThat(imports().get("platform")).isEmpty();
  }

  @Test
  void noFeatureReachesItselfThroughTheFeaturesItImports() throws IOException {
    Map<String, Set<String>> imports = imports();
    List<String> circles = new ArrayList<>();
    for (String feature : imports.keySet()) {
      for (String imported : imports.get(feature)) {
        if (reaches(imports, imported, feature, new HashSet<>())) {
          circles.add(feature + " -> " + imported);
        }
      }
    }

    assertThat(circles).as("imports that close a circle of packages").isEmpty();
  }

  @Test
  void aCircleIsFound() {
    Map<String, Set<String>> circle = Map.of("review", Set.of("improvement"), "improvement", Set.of("kpi", "review"),
        "kpi", Set.of());

    assertThat(reaches(circle, "improvement", "review", new HashSet<>())).isTrue();
    assertThat(reaches(circle, "kpi", "review", new HashSet<>())).isFalse();
  }

  private static boolean reaches(Map<String, Set<String>> imports, String from, String to, Set<String> seen) {
    for (String next : imports.getOrDefault(from, Set.of())) {
      if (next.equals(to) || (seen.add(next) && reaches(imports, next, to, seen))) {
        return true;
      }
    }
    return false;
  }

  /** The other packages of the suite that each package's sources import, by package (its sub-packages in it). */
  private static Map<String, Set<String>> imports() throws IOException {
    Map<String, Set<String>> imports = new TreeMap<>();
    try (Stream<Path> files = Files.walk(MAIN)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java") && f.getParent() != null
          && !f.getParent().equals(MAIN)).toList()) {
        String feature = MAIN.relativize(file).getName(0).toString();
        Set<String> imported = imports.computeIfAbsent(feature, key -> new TreeSet<>());
        Matcher matcher = IMPORT.matcher(Files.readString(file));
        while (matcher.find()) {
          if (!matcher.group(1).equals(feature)) {
            imported.add(matcher.group(1));
          }
        }
      }
    }
    return imports;
  }
}
