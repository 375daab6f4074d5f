package org.itops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * One way to keep records (docs/writing-code.md, "Persistence"), read from the sources: SQL only in a feature's
 * repository, rows through {@code platform.Table} (no column lists aligned by hand, no rows as maps), and each table
 * named in SQL only by the feature that writes it. The platform keeps its own tables (numbers, timeline, idempotency
 * keys) in classes of its own, and the KPIs are a read model over the features' tables (docs/kpis.md).
 */
class PersistenceStyleTest {

  private static final Path MAIN = Path.of("src", "main", "java", "org", "itops");
  private static final String READ_MODEL = "kpi";
  /** Packages that keep tables in classes of their own, not in a repository. */
  private static final Set<String> NO_REPOSITORY = Set.of("platform", READ_MODEL);
  private static final Pattern STRING = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
  private static final Pattern TABLE_NAMED = Pattern.compile("\\b(?:from|join|into|update|Table\\.of\\(\")\\s*(\\w+)",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern WRITES = Pattern.compile("\\b(?:insert into|Table\\.of\\(\")\\s*(\\w+)");

  @Test
  void onlyARepositoryRunsSql() {
    List<String> outside = new ArrayList<>();
    sources().forEach((file, text) -> {
      if (text.contains("JdbcTemplate") && !file.getFileName().toString().endsWith("Repository.java")
          && !NO_REPOSITORY.contains(feature(file))) {
        outside.add(MAIN.relativize(file).toString());
      }
    });
    assertThat(outside).as("classes outside a repository that run SQL").isEmpty();
  }

  @Test
  void rowsAreTypedAndTheirColumnsDerived() {
    List<String> found = new ArrayList<>();
    sources().forEach((file, text) -> {
      if (feature(file).equals(READ_MODEL)) {
        return; // figures, not rows
      }
      for (String shape : List.of("String COLUMNS", "String PARAMETERS", "queryForMap(", "ColumnMapRowMapper")) {
        if (text.contains(shape)) {
          found.add(MAIN.relativize(file) + ": " + shape);
        }
      }
      for (String call : calls(text, "queryForList(")) {
        if (!call.contains(".class")) {
          found.add(MAIN.relativize(file) + ": rows as maps, " + call.lines().findFirst().orElseThrow());
        }
      }
    });
    assertThat(found).as("column lists by hand and rows as maps").isEmpty();
  }

  /** Each call of the method in the source, from its name to its closing parenthesis. */
  private static List<String> calls(String source, String method) {
    List<String> calls = new ArrayList<>();
    for (int start = source.indexOf(method); start >= 0; start = source.indexOf(method, start + 1)) {
      int depth = 0;
      int end = start + method.length() - 1;
      do {
        char c = source.charAt(end++);
        depth += c == '(' ? 1 : c == ')' ? -1 : 0;
      } while (depth > 0);
      calls.add(source.substring(start, end));
    }
    return calls;
  }

  @Test
  void aTableIsWrittenByOneFeatureAndReadOnlyByIt() {
    Set<String> tables = tables();
    Map<String, Set<String>> writers = new TreeMap<>();
    Map<String, Set<String>> named = new TreeMap<>();
    sources().forEach((file, text) -> {
      String feature = feature(file);
      for (String sql : strings(text)) {
        collect(WRITES.matcher(sql), tables, table -> writers.computeIfAbsent(table, t -> new TreeSet<>()).add(feature));
        collect(TABLE_NAMED.matcher(sql), tables, table -> named.computeIfAbsent(feature, f -> new TreeSet<>()).add(table));
      }
    });
    List<String> shared = new ArrayList<>();
    writers.forEach((table, features) -> {
      if (features.size() > 1) {
        shared.add(table + " written by " + features);
      }
    });
    List<String> foreign = new ArrayList<>();
    named.forEach((feature, names) -> names.forEach(table -> {
      Set<String> owners = writers.getOrDefault(table, Set.of());
      if (!feature.equals(READ_MODEL) && !owners.isEmpty() && !owners.contains(feature)) {
        foreign.add(feature + " names " + table + " of " + owners);
      }
    }));

    assertThat(shared).as("tables written by more than one feature").isEmpty();
    assertThat(foreign).as("tables named by a feature that does not own them").isEmpty();
  }

  private static void collect(Matcher matcher, Set<String> tables, Consumer<String> table) {
    while (matcher.find()) {
      String name = matcher.group(1).toLowerCase();
      if (tables.contains(name)) {
        table.accept(name);
      }
    }
  }

  /** The suite's tables, from the migrations (the engine's {@code act_} tables are not among them). */
  private static Set<String> tables() {
    Set<String> tables = new TreeSet<>();
    Pattern create = Pattern.compile("create table (?:if not exists )?(\\w+)", Pattern.CASE_INSENSITIVE);
    try (Stream<Path> files = Files.list(Path.of("src", "main", "resources", "db", "migration"))) {
      for (Path file : files.toList()) {
        Matcher matcher = create.matcher(Files.readString(file));
        while (matcher.find()) {
          tables.add(matcher.group(1).toLowerCase());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return tables;
  }

  private static List<String> strings(String source) {
    List<String> strings = new ArrayList<>();
    Matcher matcher = STRING.matcher(source);
    while (matcher.find()) {
      strings.add(matcher.group(1));
    }
    // a Table.of("name", ...) call is code around a string: keep it whole
    Matcher tableOf = Pattern.compile("Table\\.of\\(\"\\w+").matcher(source);
    while (tableOf.find()) {
      strings.add(tableOf.group());
    }
    return strings;
  }

  private static String feature(Path file) {
    Path relative = MAIN.relativize(file);
    return relative.getNameCount() == 1 ? "" : relative.getName(0).toString();
  }

  private static Map<Path, String> sources() {
    Map<Path, String> sources = new TreeMap<>();
    try (Stream<Path> files = Files.walk(MAIN)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        sources.put(file, Files.readString(file));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return sources;
  }
}
