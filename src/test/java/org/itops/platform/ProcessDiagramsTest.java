package org.itops.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

/**
 * docs/processes holds what bpmn-js (Camunda Modeler's renderer) draws of every diagram, in the build's headless
 * Chromium: rendered again here and compared, so that a changed diagram comes with its picture
 * ({@code npm run render:diagrams}).
 */
// no database here: once, not again in the PostgreSQL run
@DisabledIfSystemProperty(named = "itops.test.database", matches = "postgres")
class ProcessDiagramsTest {

  private static final Path DOCS = Path.of("docs", "processes");

  @Test
  void everyDiagramHasItsCurrentPictureInDocs() throws Exception {
    Path rendered = Path.of("target", "diagrams");
    Process node = new ProcessBuilder("node", "dev/render-diagrams.mjs", rendered.toString())
        .redirectErrorStream(true).redirectOutput(Path.of("target", "render-diagrams.log").toFile()).start();
    assertThat(node.waitFor(5, TimeUnit.MINUTES)).as("rendering finished").isTrue();
    assertThat(node.exitValue()).as("node dev/render-diagrams.mjs (after npm ci), see target/render-diagrams.log: "
        + Files.readString(Path.of("target", "render-diagrams.log"))).isZero();

    assertThat(svgs(DOCS)).as("docs/processes: run npm run render:diagrams").isEqualTo(svgs(rendered));
    for (String svg : svgs(rendered)) {
      assertThat(Files.readString(DOCS.resolve(svg), StandardCharsets.UTF_8))
          .as("docs/processes/" + svg + " is not what the diagram draws now: run npm run render:diagrams")
          .isEqualTo(Files.readString(rendered.resolve(svg), StandardCharsets.UTF_8));
    }
  }

  @Test
  void theDocumentationShowsEveryProcessDiagram() throws IOException {
    StringBuilder pages = new StringBuilder();
    try (Stream<Path> files = Files.list(Path.of("docs"))) {
      for (Path page : files.filter(p -> p.toString().endsWith(".md")).toList()) {
        pages.append(Files.readString(page, StandardCharsets.UTF_8));
      }
    }
    List<String> missing = svgs(DOCS).stream().filter(svg -> !svg.contains("--"))
        .filter(svg -> !pages.toString().contains("](processes/" + svg + ")")).toList();
    assertThat(missing).as("diagrams no page of docs/ links").isEmpty();
  }

  private static Set<String> svgs(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".svg"))
          .collect(Collectors.toCollection(TreeSet::new));
    }
  }
}
