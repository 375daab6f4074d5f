package org.itops.cmdb;

import static org.itops.platform.FormValues.blankToNull;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.itops.catalog.ServiceCatalog;
import org.itops.platform.AccessProperties;
import org.itops.platform.Csv;
import org.itops.platform.CurrentUser;
import org.itops.platform.InvalidRequestException.FieldError;
import org.itops.platform.InvalidRequestException;
import org.itops.platform.NotAllowedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the configuration items, one by one or as a CSV file (all of a file or nothing): validated together with the
 * CMDB so that every dependency points at an item and depends-on has no cycles. Only the CMDB's editors may. One class
 * of about 300 lines: one item and a file of them go through the same validation of the whole graph.
 */
@Service
public class CmdbMaintenance {

  /** The columns of the CSV import and export; the first five are required. */
  static final List<String> CSV_COLUMNS =
      List.of("name", "type", "environment", "owner_group", "criticality", "service", "depends_on", "description");
  private static final CsvMapper CSV = new CsvMapper();
  /** A cycle longer than this is named by its first and last steps. */
  private static final int SHOWN_CYCLE_STEPS = 12;

  /** What an import did. */
  public record ImportResult(int created, int updated) {}

  private final CiRepository items;
  private final CmdbService cmdb;
  private final CmdbProperties properties;
  private final Set<String> ownerGroups;
  private final ServiceCatalog catalog;
  private final CurrentUser currentUser;
  private final Clock clock;

  CmdbMaintenance(CiRepository items, CmdbService cmdb, CmdbProperties properties, AccessProperties access,
      ServiceCatalog catalog, CurrentUser currentUser, Clock clock) {
    this.items = items;
    this.cmdb = cmdb;
    this.properties = properties;
    this.ownerGroups = access.staffGroups();
    this.catalog = catalog;
    this.currentUser = currentUser;
    this.clock = clock;
  }

  // --- changing ---------------------------------------------------------------------------------------

  @Transactional
  public ConfigurationItem create(CiInput item) {
    requireEditor();
    return cmdb.view(save(List.of(item), List.of(""), null, false).get(0));
  }

  @Transactional
  public ConfigurationItem update(long id, CiInput item) {
    requireEditor();
    cmdb.view(id);
    return cmdb.view(save(List.of(item), List.of(""), id, false).get(0));
  }

  /** Deletes an item that nothing depends on (a dependency must never point nowhere). */
  @Transactional
  public void delete(long id) {
    requireEditor();
    ConfigurationItem item = cmdb.view(id);
    List<ConfigurationItem> dependents = items.dependentsOf(List.of(id));
    if (!dependents.isEmpty()) {
      throw new InvalidRequestException("dependsOn", "reason.cmdb.needed", item.reference(),
          dependents.stream().map(ConfigurationItem::reference).sorted().toList());
    }
    items.delete(id);
  }

  /**
   * Creates or updates (by name and environment) every item of the file, replacing their dependencies with the
   * file's; all rows or none.
   */
  @Transactional
  public ImportResult importCsv(String csv) {
    requireEditor();
    List<CiInput> rows = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    try (MappingIterator<Map<String, String>> reader = CSV.readerFor(Map.class)
        .with(CsvSchema.emptySchema().withHeader()).readValues(csv)) {
      List<String> header = new ArrayList<>();
      ((CsvSchema) reader.getParserSchema()).forEach(column -> header.add(column.getName()));
      checkHeader(header);
      while (reader.hasNextValue()) {
        Map<String, String> row = new HashMap<>();
        reader.nextValue().forEach((column, cell) -> row.put(column, Csv.restore(cell)));
        labels.add("row " + (labels.size() + 2) + ": ");
        String dependsOn = row.get("depends_on");
        rows.add(new CiInput(row.get("name"), row.get("type"), row.get("environment"), row.get("service"),
            row.get("owner_group"), row.get("criticality"), row.get("description"),
            dependsOn == null || dependsOn.isBlank() ? List.of() : Arrays.asList(dependsOn.split(";"))));
      }
    } catch (IOException | RuntimeException unreadable) {
      if (unreadable instanceof InvalidRequestException invalid) {
        throw invalid;
      }
      throw new InvalidRequestException("body", "reason.csv.unreadable", String.join(",", CSV_COLUMNS),
          unreadable.getMessage());
    }
    if (rows.isEmpty()) {
      throw new InvalidRequestException("body", "reason.csv.noRows");
    }
    Set<CiReference> existing = items.ids().keySet();
    int updated = (int) rows.stream().filter(row -> existing.contains(row.reference())).count();
    save(rows, labels, null, true);
    return new ImportResult(rows.size() - updated, updated);
  }

  /** Every item as CSV, in the import's columns: an export imports again unchanged. */
  @Transactional(readOnly = true)
  public String exportCsv() {
    return Csv.write(CSV_COLUMNS, items.all().stream().map(item -> Arrays.asList(item.name(), item.type(),
        item.environment(), item.ownerGroup(), item.criticality(), item.service(), String.join(";", item.dependsOn()),
        item.description())).toList());
  }

  private static void checkHeader(List<String> header) {
    List<FieldError> errors = new ArrayList<>();
    CSV_COLUMNS.subList(0, 5).stream().filter(c -> !header.contains(c))
        .forEach(c -> errors.add(new FieldError("header", "reason.csv.missingColumn", c)));
    header.stream().filter(c -> !CSV_COLUMNS.contains(c))
        .forEach(c -> errors.add(new FieldError("header", "reason.csv.unknownColumn", c, CSV_COLUMNS)));
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
  }

  /**
   * Validates the items together with the CMDB and writes them: {@code updating} changes that item; otherwise each
   * one creates an item, or with {@code upsert} updates the item of its name and environment. Answers their ids in
   * order. {@code labels} prefix the reasons (the CSV row).
   */
  private List<Long> save(List<CiInput> batch, List<String> labels, Long updating, boolean upsert) {
    List<FieldError> errors = new ArrayList<>();
    Map<CiReference, Long> ids = items.ids();
    Map<CiReference, Integer> inBatch = new LinkedHashMap<>();
    Map<String, Boolean> inCatalog = new HashMap<>();
    List<Long> targets = new ArrayList<>();
    for (int i = 0; i < batch.size(); i++) {
      CiInput item = batch.get(i);
      String label = labels.get(i);
      int before = errors.size();
      fieldErrors(item, label, inCatalog, errors);
      CiReference reference = item.reference();
      Long id = ids.get(reference);
      if (errors.size() == before && inBatch.putIfAbsent(reference, i) != null) {
        errors.add(new FieldError(label + "name", "reason.cmdb.twice", reference));
      } else if (updating != null && id != null && id.longValue() != updating) {
        errors.add(new FieldError(label + "name", "reason.cmdb.exists", reference, id));
      } else if (updating == null && !upsert && id != null) {
        errors.add(new FieldError(label + "name", "reason.cmdb.existsUsePut", reference, id));
      }
      targets.add(updating != null ? updating : id);
    }
    // the graph as it will be: the stored edges, with the batch's items' own edges replaced by the batch's
    Map<Long, CiReference> references = new HashMap<>();
    ids.forEach((reference, id) -> references.put(id, reference));
    Map<CiReference, Set<CiReference>> graph = new HashMap<>();
    for (CiRepository.Dependency edge : items.dependencies()) {
      graph.computeIfAbsent(references.get(edge.ciId()), r -> new LinkedHashSet<>())
          .add(references.get(edge.dependsOnId()));
    }
    if (updating != null) {
      graph.remove(references.get(updating));
      // a renamed item keeps the edges that point at it: they point at its new name now
      CiReference renamed = batch.get(0).reference();
      graph.values().forEach(targetsOf -> {
        if (targetsOf.remove(references.get(updating))) {
          targetsOf.add(renamed);
        }
      });
      ids.remove(references.get(updating));
    }
    for (int i = 0; i < batch.size(); i++) {
      CiInput item = batch.get(i);
      CiReference reference = item.reference();
      Set<CiReference> dependsOn = new LinkedHashSet<>();
      for (String text : item.dependencies()) {
        CiReference target = CiReference.parse(text, reference.environment());
        if (target.equals(reference)) {
          errors.add(new FieldError(labels.get(i) + "dependsOn", "reason.cmdb.self", reference));
        } else if (!ids.containsKey(target) && !inBatch.containsKey(target)) {
          errors.add(new FieldError(labels.get(i) + "dependsOn", "reason.cmdb.noItem", target));
        } else {
          dependsOn.add(target);
        }
      }
      graph.put(reference, dependsOn);
    }
    if (errors.isEmpty()) {
      cycleThrough(inBatch.keySet(), graph)
          .ifPresent(cycle -> errors.add(new FieldError("dependsOn", "reason.cmdb.cycle", cycle)));
    }
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
    // written in JDBC batches: a file of ten thousand rows is a few round trips, not tens of thousands
    var now = clock.instant();
    Map<Long, CiInput> changed = new LinkedHashMap<>();
    List<CiInput> created = new ArrayList<>();
    for (int i = 0; i < batch.size(); i++) {
      if (targets.get(i) == null) {
        created.add(batch.get(i));
      } else {
        changed.put(targets.get(i), batch.get(i));
      }
    }
    items.update(changed, now);
    items.insert(created, now);
    Map<CiReference, Long> written = items.ids();
    Map<Long, List<Long>> dependencies = new LinkedHashMap<>();
    for (int i = 0; i < batch.size(); i++) {
      targets.set(i, written.get(batch.get(i).reference()));
      dependencies.put(targets.get(i), graph.get(batch.get(i).reference()).stream().map(written::get).toList());
    }
    items.replaceDependencies(dependencies);
    return targets;
  }

  /**
   * A cycle through one of the changed items, as {@code a@p -> b@p -> a@p} (a long one shortened); a cycle elsewhere
   * cannot be new.
   */
  private static Optional<String> cycleThrough(Collection<CiReference> changed,
      Map<CiReference, Set<CiReference>> graph) {
    try {
      return DependencyGraph.cycleThrough(changed, graph, DependencyGraph.MAX_ITEMS).map(CmdbMaintenance::describe);
    } catch (DependencyGraph.TooLargeException tooLarge) {
      throw new InvalidRequestException("dependsOn", "reason.cmdb.reachesTooMany", tooLarge.bound());
    }
  }

  private static String describe(List<CiReference> cycle) {
    List<String> steps = cycle.stream().map(CiReference::toString).toList();
    if (steps.size() <= SHOWN_CYCLE_STEPS) {
      return String.join(" -> ", steps);
    }
    int half = SHOWN_CYCLE_STEPS / 2;
    return String.join(" -> ", steps.subList(0, half)) + " -> ... -> "
        + String.join(" -> ", steps.subList(steps.size() - half, steps.size())) + " (" + (steps.size() - 1)
        + " items)";
  }

  /** {@code inCatalog} remembers the catalog's answers, asked once per service in a file. */
  private void fieldErrors(CiInput item, String label, Map<String, Boolean> inCatalog, List<FieldError> errors) {
    if (item.name() == null || item.name().isBlank()) {
      errors.add(new FieldError(label + "name", "reason.required"));
    } else if (item.name().length() > CiInput.MAX_NAME) {
      errors.add(new FieldError(label + "name", "reason.maxLength", CiInput.MAX_NAME));
    } else if (hasControlCharacter(item.name(), "")) {
      errors.add(new FieldError(label + "name", "reason.controlCharacters"));
    } else if (item.name().contains("@") || item.name().contains(";")) {
      errors.add(new FieldError(label + "name", "reason.noSeparators.references"));
    }
    oneOf(label + "type", item.type(), properties.types(), errors);
    oneOf(label + "environment", item.environment() == null ? null : item.environment().strip(),
        properties.environments(), errors);
    oneOf(label + "criticality", item.criticality(), CmdbProperties.CRITICALITIES, errors);
    oneOf(label + "ownerGroup", item.ownerGroup(), List.copyOf(ownerGroups), errors);
    String service = blankToNull(item.service());
    if (hasControlCharacter(service, "")) {
      errors.add(new FieldError(label + "service", "reason.controlCharacters"));
    } else if (service != null && !inCatalog.computeIfAbsent(service, catalog::isInCatalog)) {
      errors.add(new FieldError(label + "service", "reason.notAService", service));
    }
    if (item.description() != null && item.description().length() > CiInput.MAX_DESCRIPTION) {
      errors.add(new FieldError(label + "description", "reason.maxLength", CiInput.MAX_DESCRIPTION));
    } else if (hasControlCharacter(item.description(), "\t\r\n")) {
      errors.add(new FieldError(label + "description", "reason.controlCharacters.text"));
    }
  }

  /** A control character other than {@code allowed}: PostgreSQL refuses NUL in text, and nobody means the others. */
  private static boolean hasControlCharacter(String text, String allowed) {
    return text != null && text.chars().anyMatch(c -> Character.isISOControl(c) && allowed.indexOf(c) < 0);
  }

  private static void oneOf(String field, String value, List<String> allowed, List<FieldError> errors) {
    if (value == null || value.isBlank()) {
      errors.add(new FieldError(field, "reason.requiredOneOf", allowed));
    } else if (!allowed.contains(value)) {
      errors.add(new FieldError(field, "reason.notOneOf", value, allowed));
    }
  }

  private void requireEditor() {
    if (!currentUser.isAdministrator() && currentUser.groups().stream().noneMatch(properties.editors()::contains)) {
      throw new NotAllowedException("detail.forbidden.cmdb", properties.editors());
    }
  }
}
