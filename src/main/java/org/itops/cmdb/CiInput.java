package org.itops.cmdb;

import java.util.List;

/**
 * A configuration item as a client sends it (JSON body or a CSV row).
 *
 * @param dependsOn references {@code name@environment}, or bare names in the item's own environment
 */
public record CiInput(String name, String type, String environment, String service, String ownerGroup,
    String criticality, String description, List<String> dependsOn) {

  static final int MAX_NAME = 200;
  static final int MAX_DESCRIPTION = 2000;

  CiReference reference() {
    return new CiReference(name == null ? null : name.strip(), environment == null ? null : environment.strip());
  }

  List<String> dependencies() {
    return dependsOn == null ? List.of() : dependsOn.stream().filter(d -> d != null && !d.isBlank()).toList();
  }
}
