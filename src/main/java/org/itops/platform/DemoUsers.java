package org.itops.platform;

import java.util.List;

/** The demo users of the embedded default (README, "Demo accounts"); password = user name. */
final class DemoUsers {

  record DemoUser(String id, String firstName, String lastName, List<String> groups) {}

  static final List<DemoUser> ALL = List.of(
      new DemoUser("demo", "Demo", "Administrator", List.of("camunda-admin", "service-desk", "ops-engineers",
          "change-managers", "cab", "security-team", "service-owners", "it-managers", "process-owners",
          "requesters")),
      new DemoUser("desk", "Dana", "Desk", List.of("service-desk")),
      new DemoUser("engineer", "Erik", "Engineer", List.of("ops-engineers")),
      new DemoUser("changemgr", "Chris", "Change", List.of("change-managers")),
      new DemoUser("cab1", "Alice", "Board", List.of("cab")),
      new DemoUser("cab2", "Bob", "Board", List.of("cab")),
      new DemoUser("cab3", "Carol", "Board", List.of("cab")),
      new DemoUser("secops", "Sam", "Security", List.of("security-team")),
      new DemoUser("owner", "Olivia", "Owner", List.of("service-owners")),
      new DemoUser("manager", "Max", "Manager", List.of("it-managers")),
      new DemoUser("modeler", "Mona", "Modeler", List.of("process-owners")),
      new DemoUser("requester", "Rita", "Requester", List.of("requesters")));

  private DemoUsers() {}
}
