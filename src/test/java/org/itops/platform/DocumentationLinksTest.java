package org.itops.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

/**
 * The README is the way in and each area has its page in docs/ (README, "Documentation"): every link between them,
 * to a diagram or to a file of the project, leads somewhere, and a link to a heading finds that heading (as GitHub
 * names its anchors), so that moving a text never leaves a reader at a dead end.
 */
// no database here: once, not again in the PostgreSQL run
@DisabledIfSystemProperty(named = "itops.test.database", matches = "postgres")
class DocumentationLinksTest {

  /** {@code [text](target)}, the target without a title. */
  private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");

  @Test
  void everyLinkOfTheDocumentationLeadsSomewhere() throws IOException {
    List<String> broken = new ArrayList<>();
    for (Path page : pages()) {
      Matcher link = LINK.matcher(Files.readString(page, StandardCharsets.UTF_8));
      while (link.find()) {
        String target = link.group(1);
        if (target.matches("[a-z]+:.*")) {
          continue; // http:, https:, mailto: lead outside the project
        }
        String file = target.contains("#") ? target.substring(0, target.indexOf('#')) : target;
        Path linked = file.isEmpty() ? page : page.resolveSibling(file).normalize();
        if (!Files.exists(linked)) {
          broken.add(page + ": " + target + " (no such file)");
        } else if (target.contains("#") && !anchors(linked).contains(target.substring(target.indexOf('#') + 1))) {
          broken.add(page + ": " + target + " (no such heading)");
        }
      }
    }
    assertThat(broken).isEmpty();
  }

  @Test
  void theReadmeLinksEveryPageOfTheDocumentation() throws IOException {
    String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
    List<String> unlinked;
    try (Stream<Path> files = Files.list(Path.of("docs"))) {
      unlinked = files.map(p -> "docs/" + p.getFileName()).filter(name -> name.endsWith(".md"))
          .filter(name -> !readme.contains("](" + name + ")")).toList();
    }
    assertThat(unlinked).as("pages of docs/ the README does not link").isEmpty();
  }

  private static List<Path> pages() throws IOException {
    List<Path> pages = new ArrayList<>(List.of(Path.of("README.md"), Path.of("README.zh-CN.md"),
        Path.of("processes", "README.md"), Path.of("forms", "README.md")));
    try (Stream<Path> files = Files.list(Path.of("docs"))) {
      files.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
    }
    return pages;
  }

  /** The anchors GitHub gives the page's headings: lower case, punctuation dropped, spaces as hyphens. */
  private static List<String> anchors(Path page) throws IOException {
    try (Stream<String> lines = Files.lines(page, StandardCharsets.UTF_8)) {
      return lines.filter(line -> line.startsWith("#")).map(line -> line.replaceFirst("^#+\\s*", ""))
          .map(heading -> heading.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-'))
          .toList();
    }
  }
}
