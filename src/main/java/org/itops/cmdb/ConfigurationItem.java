package org.itops.cmdb;

import java.time.Instant;
import java.util.List;

/**
 * A configuration item as the API shows it.
 *
 * @param dependsOn the items it needs to work, as references {@code name@environment}
 */
public record ConfigurationItem(long id, String name, String type, String environment, String service,
    String ownerGroup, String criticality, String description, List<String> dependsOn, Instant updatedAt) {

  /** An item read without its dependencies (they are rows of {@code ci_dependency}) shows an empty list. */
  public ConfigurationItem {
    dependsOn = dependsOn == null ? List.of() : dependsOn;
  }

  /** The item with what it depends on, which {@code ci_dependency} holds. */
  ConfigurationItem withDependsOn(List<String> references) {
    return new ConfigurationItem(id, name, type, environment, service, ownerGroup, criticality, description,
        references, updatedAt);
  }

  /** How other items, CSV files and incidents name this one. */
  public String reference() {
    return new CiReference(name, environment).toString();
  }
}
