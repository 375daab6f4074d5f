package org.itops.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who may do what (prefix {@code itops.access}): the groups, who deploys, and per process key who starts
 * it and who watches its instances in Cockpit.
 */
@ConfigurationProperties("itops.access")
public record AccessProperties(
    Map<String, String> groups,
    @DefaultValue List<String> deployers,
    @DefaultValue Map<String, ProcessAccess> processes) {

  /** The group whose members may do everything (Camunda's built-in administrator group). */
  public static final String ADMIN_GROUP = "camunda-admin";
  /** The group of monitoring systems, which may post alerts. */
  public static final String MONITORING_GROUP = "monitoring";
  static final String REQUESTERS_GROUP = "requesters";

  public AccessProperties {
    if (groups == null || groups.isEmpty()) {
      throw new IllegalArgumentException("itops.access.groups must name the groups of the suite");
    }
    List<String> unknown = new ArrayList<>();
    deployers.stream().filter(g -> !groups.containsKey(g)).forEach(g -> unknown.add("deployers: " + g));
    processes.forEach((key, access) -> {
      access.start().stream().filter(g -> !groups.containsKey(g)).forEach(g -> unknown.add(key + ".start: " + g));
      access.monitor().stream().filter(g -> !groups.containsKey(g)).forEach(g -> unknown.add(key + ".monitor: " + g));
    });
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException(
          "itops.access names groups that itops.access.groups does not define: " + unknown);
    }
  }

  /**
   * @param start groups that may start the process
   * @param monitor groups that see its instances and history in Cockpit
   */
  public record ProcessAccess(@DefaultValue List<String> start, @DefaultValue List<String> monitor) {}

  /** Groups that log into Cockpit: those that watch some process, and the deployers. */
  public Set<String> cockpitGroups() {
    Set<String> cockpit = new TreeSet<>(deployers);
    processes.values().forEach(access -> cockpit.addAll(access.monitor()));
    return cockpit;
  }

  /** Groups of staff, who may look up users and groups (to see who has a task); requesters and machines may not. */
  public Set<String> staffGroups() {
    Set<String> staff = new TreeSet<>(groups.keySet());
    staff.removeAll(Set.of(REQUESTERS_GROUP, ADMIN_GROUP, MONITORING_GROUP));
    return staff;
  }
}
