package org.itops.cmdb;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.itops.platform.InvalidRequestException;
import org.itops.platform.NotFoundException;
import org.itops.platform.Page;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The configuration items as the suite reads them: one, a page, the item an incident's text names, and what a failing
 * item takes down with it. Items are kept by {@link CmdbMaintenance}.
 */
@Service
public class CmdbService {

  /** The items that stop working when an item fails, and the services they carry. */
  public record Impact(ConfigurationItem item, List<ConfigurationItem> affectedItems, List<String> services) {}

  private final CiRepository items;
  private final CmdbProperties properties;

  CmdbService(CiRepository items, CmdbProperties properties) {
    this.items = items;
    this.properties = properties;
  }

  // --- reading ----------------------------------------------------------------------------------------

  @Transactional(readOnly = true)
  public ConfigurationItem view(long id) {
    return items.find(id).orElseThrow(() -> new NotFoundException("detail.notFound.configurationItem", id));
  }

  @Transactional(readOnly = true)
  public Page<ConfigurationItem> list(String type, String environment, String service, int page, int size) {
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

  /**
   * Everything that depends on the item, directly or through others, and the services of all of them; refused when
   * more than {@link DependencyGraph#MAX_ITEMS} items depend on it.
   */
  @Transactional(readOnly = true)
  public Impact impact(long id) {
    ConfigurationItem failing = view(id);
    DependencyGraph.Walk<Long> walk = dependentsOf(failing);
    if (!walk.complete()) {
      throw new InvalidRequestException("id", "reason.cmdb.tooManyDependents", failing.reference(),
          DependencyGraph.MAX_ITEMS);
    }
    return impactOf(failing, walk);
  }

  /**
   * The services an incident on the item affects: the impact's services, empty for an item not in the CMDB; past
   * {@link DependencyGraph#MAX_ITEMS} dependents, the services of those the walk reached.
   */
  @Transactional(readOnly = true)
  public List<String> affectedServices(ConfigurationItem item) {
    return impactOf(item, dependentsOf(item)).services();
  }

  private DependencyGraph.Walk<Long> dependentsOf(ConfigurationItem failing) {
    Map<Long, List<Long>> dependents = new HashMap<>();
    for (CiRepository.Dependency edge : items.dependencies()) {
      dependents.computeIfAbsent(edge.dependsOnId(), target -> new ArrayList<>()).add(edge.ciId());
    }
    return DependencyGraph.reachable(failing.id(), dependents, DependencyGraph.MAX_ITEMS);
  }

  private Impact impactOf(ConfigurationItem failing, DependencyGraph.Walk<Long> dependents) {
    List<ConfigurationItem> affected = items.byIds(dependents.reached());
    Set<String> services = new TreeSet<>();
    if (failing.service() != null) {
      services.add(failing.service());
    }
    affected.stream().map(ConfigurationItem::service).filter(s -> s != null).forEach(services::add);
    return new Impact(failing, affected, List.copyOf(services));
  }
}
