package org.itops.cmdb;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The CMDB's vocabulary (prefix {@code itops.cmdb}).
 *
 * @param types the types a configuration item may have
 * @param environments the environments items live in; an unqualified name is looked up in the first one first
 * @param editors groups that create, change, import and delete items (administrators always may); everybody logged
 *     in reads them
 */
@ConfigurationProperties("itops.cmdb")
public record CmdbProperties(
    @DefaultValue({"server", "virtual-machine", "container", "database", "application", "network-device", "storage",
        "load-balancer", "cloud-service", "other"}) List<String> types,
    @DefaultValue({"production", "staging", "test", "development"}) List<String> environments,
    @DefaultValue({"ops-engineers", "service-owners", "change-managers"}) List<String> editors) {

  /** From the most to the least critical. */
  public static final List<String> CRITICALITIES = List.of("critical", "high", "medium", "low");
}
