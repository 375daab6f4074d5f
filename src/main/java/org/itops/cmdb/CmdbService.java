package org.itops.cmdb;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.AuthorizationException;
import org.itops.catalog.ServiceCatalog;
import org.itops.platform.AccessProperties;
import org.itops.platform.CurrentUser;
import org.itops.platform.InvalidRequestException;
import org.itops.platform.InvalidRequestException.FieldError;
import org.itops.platform.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The configuration items: validated so that every dependency points at an item and depends-on has no cycles,
 * whether they come one by one or as a CSV file (all of a file or nothing).
 */
@Service
public class CmdbService {

  /** The columns of the CSV import and export; the first five are required. */
  static final List<String> CSV_COLUMNS =
      List.of("name", "type", "environment", "owner_group", "criticality", "service", "depends_on", "description");
  private static final CsvMapper CSV = new CsvMapper();

  /** What an import did. */
  public record ImportResult(int created, int updated) {}

  /** The items that stop working when an item fails, and the services they carry. */
  public record Impact(ConfigurationItem item, List<ConfigurationItem> affectedItems, List<String> services) {}

  private final CiRepository items;
  private final CmdbProperties properties;
  private final Set<String> ownerGroups;
  private final ServiceCatalog catalog;
  private final CurrentUser currentUser;
  private final Clock clock;

  CmdbService(CiRepository items, CmdbProperties properties, AccessProperties access, ServiceCatalog catalog,
      CurrentUser currentUser, Clock clock) {
    this.items = items;
    this.properties = properties;
    this.ownerGroups = access.staffGroups();
    this.catalog = catalog;
    this.currentUser = currentUser;
    this.clock = clock;
  }

  // --- reading ----------------------------------------------------------------------------------------

  @Transactional(readOnly = true)
  public ConfigurationItem view(long id) {
    return items.find(id).orElseThrow(() -> new NotFoundException("No configuration item " + id));
  }

  @Transactional(readOnly = true)
  public CiRepository.Page list(String type, String environment, String service, int page, int size) {
    return items.list(type, environment, service, page, size);
  }

  /**
   * The item a text names: {@code name@environment} exactly; a bare name in {@code environment} when given, else
   * the only item of that name, else the one in the first environment (production). Empty when nothing or more than
   * one item fits: incidents name items in free text, which need not be in the CMDB.
   */
  @Transactional(readOnly = true)
  public Optional<ConfigurationItem> resolve(String text, String environment) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    CiReference reference = CiReference.parse(text, environment);
    List<ConfigurationItem> named = items.findByName(reference.name());
    if (reference.environment() != null) {
      Optional<ConfigurationItem> exact =
          named.stream().filter(i -> i.environment().equals(reference.environment())).findFirst();
      if (exact.isPresent() || text.contains("@")) {
        return exact;
      }
    }
    if (named.size() == 1) {
      return Optional.of(named.get(0));
    }
    return named.stream().filter(i -> i.environment().equals(properties.environments().get(0))).findFirst();
  }

  /** Everything that depends on the item, directly or through others, and the services of all of them. */
  @Transactional(readOnly = true)
  public Impact impact(long id) {
    return impactOf(view(id));
  }

  private Impact impactOf(ConfigurationItem failing) {
    long id = failing.id();
    Map<Long, ConfigurationItem> affected = new LinkedHashMap<>();
    Set<Long> frontier = Set.of(id);
    while (!frontier.isEmpty()) {
      Set<Long> next = new LinkedHashSet<>();
      for (ConfigurationItem dependent : items.dependentsOf(frontier)) {
        if (dependent.id() != id && affected.putIfAbsent(dependent.id(), dependent) == null) {
          next.add(dependent.id());
        }
      }
      frontier = next;
    }
    Set<String> services = new TreeSet<>();
    if (failing.service() != null) {
      services.add(failing.service());
    }
    affected.values().stream().map(ConfigurationItem::service).filter(s -> s != null).forEach(services::add);
    return new Impact(failing, List.copyOf(affected.values()), List.copyOf(services));
  }

  /** The services an incident on the item affects: the impact's services, empty for an item not in the CMDB. */
  @Transactional(readOnly = true)
  public List<String> affectedServices(ConfigurationItem item) {
    return impactOf(item).services();
  }

  // --- changing ---------------------------------------------------------------------------------------

  @Transactional
  public ConfigurationItem create(CiInput item) {
    requireEditor();
    return view(save(List.of(item), List.of(""), null, false).get(0));
  }

  @Transactional
  public ConfigurationItem update(long id, CiInput item) {
    requireEditor();
    view(id);
    return view(save(List.of(item), List.of(""), id, false).get(0));
  }

  /** Deletes an item that nothing depends on (a dependency must never point nowhere). */
  @Transactional
  public void delete(long id) {
    requireEditor();
    ConfigurationItem item = view(id);
    List<ConfigurationItem> dependents = items.dependentsOf(List.of(id));
    if (!dependents.isEmpty()) {
      throw new InvalidRequestException("dependsOn", item.reference() + " is needed by "
          + dependents.stream().map(ConfigurationItem::reference).sorted().toList()
          + "; remove those dependencies first");
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
        Map<String, String> row = reader.nextValue();
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
      throw new InvalidRequestException("body", "not a CSV file with the header " + String.join(",", CSV_COLUMNS)
          + ": " + unreadable.getMessage());
    }
    if (rows.isEmpty()) {
      throw new InvalidRequestException("body", "the file has no rows under its header");
    }
    Set<CiReference> existing = items.ids().keySet();
    int updated = (int) rows.stream().filter(row -> existing.contains(row.reference())).count();
    save(rows, labels, null, true);
    return new ImportResult(rows.size() - updated, updated);
  }

  /** Every item as CSV, in the import's columns: an export imports again unchanged. */
  @Transactional(readOnly = true)
  public String exportCsv() {
    CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
    CSV_COLUMNS.forEach(schema::addColumn);
    List<Map<String, String>> rows = new ArrayList<>();
    for (ConfigurationItem item : items.all()) {
      Map<String, String> row = new LinkedHashMap<>();
      row.put("name", item.name());
      row.put("type", item.type());
      row.put("environment", item.environment());
      row.put("owner_group", item.ownerGroup());
      row.put("criticality", item.criticality());
      row.put("service", item.service() == null ? "" : item.service());
      row.put("depends_on", String.join(";", item.dependsOn()));
      row.put("description", item.description() == null ? "" : item.description());
      rows.add(row);
    }
    try {
      return CSV.writer(schema.build()).writeValueAsString(rows);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void checkHeader(List<String> header) {
    List<FieldError> errors = new ArrayList<>();
    CSV_COLUMNS.subList(0, 5).stream().filter(c -> !header.contains(c))
        .forEach(c -> errors.add(new FieldError("header", "the column " + c + " is missing")));
    header.stream().filter(c -> !CSV_COLUMNS.contains(c))
        .forEach(c -> errors.add(new FieldError("header", "unknown column " + c + "; the columns are " + CSV_COLUMNS)));
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
    Map<CiReference, Integer> inBatch = new HashMap<>();
    List<Long> targets = new ArrayList<>();
    for (int i = 0; i < batch.size(); i++) {
      CiInput item = batch.get(i);
      String label = labels.get(i);
      int before = errors.size();
      fieldErrors(item, label, errors);
      CiReference reference = item.reference();
      Long id = ids.get(reference);
      if (errors.size() == before && inBatch.putIfAbsent(reference, i) != null) {
        errors.add(new FieldError(label + "name", reference + " appears twice"));
      } else if (updating != null && id != null && id.longValue() != updating) {
        errors.add(new FieldError(label + "name", reference + " already exists (item " + id + ")"));
      } else if (updating == null && !upsert && id != null) {
        errors.add(new FieldError(label + "name", reference + " already exists (item " + id + "); change it with PUT"));
      }
      targets.add(updating != null ? updating : id);
    }
    // the graph as it will be: the stored edges, with the batch's items' own edges replaced by the batch's
    Map<Long, CiReference> references = new HashMap<>();
    ids.forEach((reference, id) -> references.put(id, reference));
    Map<CiReference, Set<CiReference>> graph = new HashMap<>();
    for (CiRepository.Dependency edge : items.dependencies()) {
      graph.computeIfAbsent(references.get(edge.ci()), r -> new LinkedHashSet<>()).add(references.get(edge.dependsOn()));
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
          errors.add(new FieldError(labels.get(i) + "dependsOn", reference + " cannot depend on itself"));
        } else if (!ids.containsKey(target) && !inBatch.containsKey(target)) {
          errors.add(new FieldError(labels.get(i) + "dependsOn", "no configuration item " + target));
        } else {
          dependsOn.add(target);
        }
      }
      graph.put(reference, dependsOn);
    }
    if (errors.isEmpty()) {
      cycleThrough(inBatch.keySet(), graph)
          .ifPresent(cycle -> errors.add(new FieldError("dependsOn", "depends-on would have a cycle: " + cycle)));
    }
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(errors);
    }
    var now = clock.instant();
    for (int i = 0; i < batch.size(); i++) {
      if (targets.get(i) == null) {
        targets.set(i, items.insert(batch.get(i), now));
      } else {
        items.update(targets.get(i), batch.get(i), now);
      }
      ids.put(batch.get(i).reference(), targets.get(i));
    }
    for (int i = 0; i < batch.size(); i++) {
      items.replaceDependencies(targets.get(i), graph.get(batch.get(i).reference()).stream().map(ids::get).toList());
    }
    return targets;
  }

  /** A cycle through one of the changed items, as {@code a@p -> b@p -> a@p}; a cycle elsewhere cannot be new. */
  private static Optional<String> cycleThrough(Collection<CiReference> changed,
      Map<CiReference, Set<CiReference>> graph) {
    Set<CiReference> done = new HashSet<>();
    for (CiReference start : changed) {
      Deque<CiReference> path = new ArrayDeque<>();
      Optional<String> cycle = visit(start, graph, path, new HashSet<>(), done);
      if (cycle.isPresent()) {
        return cycle;
      }
    }
    return Optional.empty();
  }

  private static Optional<String> visit(CiReference node, Map<CiReference, Set<CiReference>> graph,
      Deque<CiReference> path, Set<CiReference> onPath, Set<CiReference> done) {
    if (onPath.contains(node)) {
      List<String> cycle = new ArrayList<>();
      boolean inCycle = false;
      for (CiReference step : (Iterable<CiReference>) path::descendingIterator) {
        inCycle |= step.equals(node);
        if (inCycle) {
          cycle.add(step.toString());
        }
      }
      cycle.add(node.toString());
      return Optional.of(String.join(" -> ", cycle));
    }
    if (!done.add(node)) {
      return Optional.empty();
    }
    path.push(node);
    onPath.add(node);
    for (CiReference next : graph.getOrDefault(node, Set.of())) {
      Optional<String> cycle = visit(next, graph, path, onPath, done);
      if (cycle.isPresent()) {
        return cycle;
      }
    }
    path.pop();
    onPath.remove(node);
    return Optional.empty();
  }

  private void fieldErrors(CiInput item, String label, List<FieldError> errors) {
    if (item.name() == null || item.name().isBlank()) {
      errors.add(new FieldError(label + "name", "is required"));
    } else if (item.name().length() > CiInput.MAX_NAME) {
      errors.add(new FieldError(label + "name", "must be at most " + CiInput.MAX_NAME + " characters"));
    } else if (item.name().contains("@") || item.name().contains(";")) {
      errors.add(new FieldError(label + "name", "must not contain @ or ; (they separate references)"));
    }
    oneOf(label + "type", item.type(), properties.types(), errors);
    oneOf(label + "environment", item.environment() == null ? null : item.environment().strip(),
        properties.environments(), errors);
    oneOf(label + "criticality", item.criticality(), CmdbProperties.CRITICALITIES, errors);
    oneOf(label + "ownerGroup", item.ownerGroup(), List.copyOf(ownerGroups), errors);
    String service = CiRepository.blankToNull(item.service());
    if (service != null && !catalog.isInCatalog(service)) {
      errors.add(new FieldError(label + "service", "'" + service + "' is not a service of the catalog"));
    }
    if (item.description() != null && item.description().length() > CiInput.MAX_DESCRIPTION) {
      errors.add(new FieldError(label + "description", "must be at most " + CiInput.MAX_DESCRIPTION + " characters"));
    }
  }

  private static void oneOf(String field, String value, List<String> allowed, List<FieldError> errors) {
    if (value == null || value.isBlank()) {
      errors.add(new FieldError(field, "is required (one of " + allowed + ")"));
    } else if (!allowed.contains(value)) {
      errors.add(new FieldError(field, "'" + value + "' is not one of " + allowed));
    }
  }

  private void requireEditor() {
    if (!currentUser.isAdministrator() && currentUser.groups().stream().noneMatch(properties.editors()::contains)) {
      throw new AuthorizationException("Only the groups " + properties.editors() + " change the CMDB");
    }
  }
}
