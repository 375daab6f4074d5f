package org.itops.platform;

import java.util.List;

/**
 * The incidents whose resolution names a change as their cause. The incident feature answers it; the change feature
 * asks through this port, because incidents build on changes (an incident names its change), so the change feature
 * cannot import the incident feature.
 */
public interface IncidentsOfChanges {

  /** The numbers of the incidents caused by the change, in order. */
  List<String> causedBy(String change);
}
